// Copyright 2026 The hubperm Authors.
//
// policy/whocan/who_can.h: who may make a request? (`hubperm who-can`, issue "what changes, who can").
//
// A request asked without a token, in any form (an HTTP call, a huggingface_hub method, a permission, a
// pasted error), is decided for every token of the world, as `hubperm check` would decide it: the tokens
// allowed, and for those denied, which sides deny (a token denied by one side only is one change away).
// And the users whose own side allows it: they could make a token that may, whether or not they hold one.
//
//   const WhoCanProbes probes = MakeWhoCanProbes(world);
//   absl::StatusOr<WhoCanResult> who = WhoCanDo(world, *snapshot, probes, input);
//   for (const TokenAnswer& t : who->tokens) if (t.allowed) ...
//
// The users' side is decided with a probe token per user that holds every permission and passes every
// token policy, added to a copy of the world: what it is refused, the user side refuses. For a client
// method of several requests, a user may when the probe's call succeeds.

#ifndef HUBPERM_POLICY_WHOCAN_WHO_CAN_H_
#define HUBPERM_POLICY_WHOCAN_WHO_CAN_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/compile/snapshot.h"
#include "policy/model/vocabulary.h"
#include "policy/model/world.h"
#include "policy/request/request_input.h"

namespace hubperm {

struct TokenAnswer {
  std::string token, owner;
  bool allowed = false;
  int status = 200;               // what the Hub answers (a client method: what the call ends with)
  std::vector<Side> denied_by;    // the sides that deny (a client method: its deciding step's); empty when allowed
};

struct WhoCanResult {
  std::vector<TokenAnswer> tokens;  // every token, by name
  std::vector<std::string> users;   // whose user side allows it, by name: users and service accounts
  int allowed() const;
};

// The client method a repo access level asks (`who-can --level`), as the client runs it: see is
// repo_info, read hf_hub_download, write create_commit; nullopt for any other level. A repo's settings and
// deletion are decided as write (docs/hub-access-model.md §6): there is no admin level.
absl::optional<std::string> LevelMethod(absl::string_view level);

// The world with a probe token per principal (user or service account): every permission, approved by
// every org that requires it. It depends on the world only: build it once, ask it many requests.
struct WhoCanProbes {
  World world;
  std::shared_ptr<const Snapshot> snapshot;
  std::vector<std::pair<std::string, std::string>> probes;  // principal, its probe token
};
WhoCanProbes MakeWhoCanProbes(const World& world);

// Decides `input` (no token: RequestInput's form and target) for every token of `world` (compiled into
// `snapshot`), and for every principal through `probes` (MakeWhoCanProbes(world)). An error when the
// request does not parse, or does not resolve for any token (an unknown repo, a route hubperm does not
// model): the message names it.
absl::StatusOr<WhoCanResult> WhoCanDo(const World& world, const Snapshot& snapshot, const WhoCanProbes& probes,
                                      const RequestInput& input);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_WHOCAN_WHO_CAN_H_
