# Installs the library, its public headers, the CLI, and a CMake package so that another
# project can `find_package(tiegraph)` and link `tiegraph::tiegraph`.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TIEGRAPH_HEADER_TARGETS tiegraph_headers)
foreach(stage ${TIEGRAPH_STAGES})
  list(APPEND TIEGRAPH_HEADER_TARGETS ${stage}_headers)
endforeach()
install(TARGETS tiegraph ${TIEGRAPH_HEADER_TARGETS}
  EXPORT tiegraphTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS tiegraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(stage ${TIEGRAPH_STAGES})
  get_target_property(stage_dir ${stage} SOURCE_DIR)
  install(DIRECTORY ${stage_dir}/tiegraph/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tiegraph FILES_MATCHING PATTERN "*.h")
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/query/tiegraph/tiegraph.h ${TIEGRAPH_CONFIG_DIR}/tiegraph/config.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tiegraph)
install(EXPORT tiegraphTargets NAMESPACE tiegraph::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/tiegraph)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tiegraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/tiegraphConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/tiegraph)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tiegraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tiegraphConfig.cmake ${PROJECT_BINARY_DIR}/tiegraphConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/tiegraph)
