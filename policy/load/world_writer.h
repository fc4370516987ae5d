// Copyright 2026 The hubperm Authors.
//
// policy/load/world_writer.h: a World -> fixture YAML (docs/fixture-format.md), the loader's inverse.
//
// Writes every fact the loader reads, in the documented key order, omitting keys whose value is the
// default, so the output is what a person would have written. Loading the output gives back the same
// world (positions aside); `hubperm import-whoami` writes its fixtures with it.
//
//   std::string yaml = WriteFixture(world);

#ifndef HUBPERM_POLICY_LOAD_WORLD_WRITER_H_
#define HUBPERM_POLICY_LOAD_WORLD_WRITER_H_

#include <string>

#include "policy/model/world.h"

namespace hubperm {

std::string WriteFixture(const World& world);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_WORLD_WRITER_H_
