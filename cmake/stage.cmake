# tiegraph_stage(NAME SOURCES... DEPENDS stage...): an object library `tiegraph_NAME` built from
# the sources of the current folder, whose public headers (the folder's tiegraph/) are the
# INTERFACE target `tiegraph_NAME_headers`. A stage sees its own folder and the public headers
# of the stages it DEPENDS on, nothing else: no target has the source root on its include path,
# so a stage cannot include another's internals, and an include of a stage above fails to build.
function(tiegraph_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(tiegraph_${name}_headers INTERFACE)
  target_include_directories(tiegraph_${name}_headers INTERFACE
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}>
    $<INSTALL_INTERFACE:include>)
  foreach(dep ${ARG_DEPENDS})
    target_link_libraries(tiegraph_${name}_headers INTERFACE tiegraph_${dep}_headers)
  endforeach()
  add_library(tiegraph_${name} OBJECT ${ARG_SOURCES})
  target_link_libraries(tiegraph_${name} PUBLIC tiegraph_${name}_headers)
  target_compile_options(tiegraph_${name} PRIVATE ${TIEGRAPH_WARNINGS})
endfunction()
