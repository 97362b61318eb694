#include "engine_factory.h"

#include "store_engine.h"

namespace tiegraph::tck {

std::unique_ptr<Engine> MakeEngine() { return std::make_unique<StoreEngine>(); }

}  // namespace tiegraph::tck
