// Copyright 2026 The hubperm Authors.
//
// policy/load/overrides.h: what-if without editing files: `--set PATH=VALUE` changes one fact of a
// loaded world before it is validated and compiled (docs/what-if.md).
//
//   orgs.acme.token_policy=require_approval        orgs.acme.members.bob=write      (none: not a member)
//   orgs.acme.resource_groups.vision.members.bob=admin
//   repos.acme/m.resource_group=vision              repos.dataset:acme/d.private=true
//   tokens.ci.org_status.acme=revoked               tokens.ci.scoped.org:acme=repo.content.read,repo.write
//   tokens.ci=none                                  assumptions.repo_write_implies_read=true
//
// A name in a path is matched against the world's names, longest first, so names holding dots
// (`repos.acme/llama-3.1.private`) need no quoting. The sets become one source file named "--set", a line
// each, and every fact they set is positioned there: an explanation cites `--set:1:26` as it cites a
// fixture's line, and validation reports a set that breaks the world (a group the org does not have) at
// the set. A bad path or value is an error at the part to blame, naming the nearest valid ones.

#ifndef HUBPERM_POLICY_LOAD_OVERRIDES_H_
#define HUBPERM_POLICY_LOAD_OVERRIDES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/model/world.h"

namespace hubperm {

// The name of the source file the sets are read as.
inline constexpr absl::string_view kOverridesFileName = "--set";

// Applies each of `sets` ("PATH=VALUE") to `world`, in order (a later set of the same fact wins). Call it
// once every file is loaded and before permission strings are read (WorldLoader::Finish), so a
// permission set here is read as one written in a file. Adds the file "--set" to `files` when `sets` is
// not empty; each problem is an error in `diagnostics`, and a set with a problem changes nothing.
void ApplyOverrides(const std::vector<std::string>& sets, SourceFiles* files, Diagnostics* diagnostics, World* world);

// Every path form, one per line, for `--help` and the docs' table (`ORG`, `USER`, ... stand for names).
std::vector<absl::string_view> OverridePathForms();

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_OVERRIDES_H_
