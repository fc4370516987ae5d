// Copyright 2026 The hubperm Authors.
//
// policy/load/world_loader.h: fixture files (YAML) -> a World, with every problem reported.
//
// The fixture format is described in docs/fixture-format.md. Loading is two passes:
//   1. `WorldLoader::AddFile` reads each file's shape: known keys only (an unknown key is an error, with
//      "did you mean"), the right YAML kinds, valid enum spellings (listing the valid ones), required
//      keys present. Several files may be added; what they define is merged into one World.
//   2. `ValidateWorld` (policy/load/validate.h) then checks what needs the whole world: references,
//      duplicates, and the Hub's structural rules.
// Both add to a `Diagnostics` and carry on, so one run reports every problem. The caller compiles the
// world only when `!diagnostics.has_errors()`.
//
//   SourceFiles files;
//   Diagnostics diagnostics;
//   World world;
//   WorldLoader loader(&files, &diagnostics, &world);
//   absl::Status read = loader.AddPath("testdata/founding/world.yaml");   // not OK: I/O failure only
//   ValidateWorld(world, &diagnostics);
//   if (diagnostics.has_errors()) std::cerr << diagnostics.Render(files);
//
// Not thread-safe; a loader is used by one thread for one load.

#ifndef HUBPERM_POLICY_LOAD_WORLD_LOADER_H_
#define HUBPERM_POLICY_LOAD_WORLD_LOADER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/model/world.h"

namespace hubperm {

class WorldLoader {
 public:
  // The loader adds to `*files`, `*diagnostics` and `*world`, which must outlive it.
  WorldLoader(SourceFiles* files, Diagnostics* diagnostics, World* world)
      : files_(files), diagnostics_(diagnostics), world_(world) {}

  // Reads the file at `path` and adds it. Returns an error status only when the file cannot be read;
  // problems with its content go to the diagnostics.
  absl::Status AddPath(const std::string& path);

  // Adds the text of a file named `name` (as it will appear in messages).
  void AddText(std::string name, std::string text);

  // Once every file is added: reads the tokens' permission strings with the world's assumptions (the
  // contributor permission's spelling), and warns of those hubperm does not know.
  void Finish();

 private:
  SourceFiles* files_;
  Diagnostics* diagnostics_;
  World* world_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_WORLD_LOADER_H_
