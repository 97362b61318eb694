#include "engine_factory.h"

#include "stand_in_engine.h"

namespace tiegraph::tck {

// The query engine does not exist yet; once it does, its adapter replaces the stand-in here.
std::unique_ptr<Engine> MakeEngine() { return std::make_unique<StandInEngine>(); }

}  // namespace tiegraph::tck
