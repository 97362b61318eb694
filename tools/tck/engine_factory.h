// The one place that decides which engine the runner measures.
#ifndef TIEGRAPH_TOOLS_TCK_ENGINE_FACTORY_H_
#define TIEGRAPH_TOOLS_TCK_ENGINE_FACTORY_H_

#include <memory>

#include "engine.h"

namespace tiegraph::tck {

std::unique_ptr<Engine> MakeEngine();

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_ENGINE_FACTORY_H_
