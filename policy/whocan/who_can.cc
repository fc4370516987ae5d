// Copyright 2026 The hubperm Authors.

#include "policy/whocan/who_can.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "policy/decide/check.h"
#include "policy/explain/sequence_explanation.h"
#include "policy/model/permission.h"
#include "policy/request/request_description.h"
#include "policy/request/resolve.h"

namespace hubperm {
namespace {

// The request, parsed once for every token: a client method's steps, or one request.
struct Parsed {
  absl::optional<SequenceDescription> sequence;
  absl::optional<RequestDescription> single;
};

absl::StatusOr<Parsed> Parse(const RequestInput& input) {
  Parsed parsed;
  if (AsksSequence(input)) {
    absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(input);
    if (!sequence.ok()) return sequence.status();
    parsed.sequence = *std::move(sequence);
    return parsed;
  }
  absl::StatusOr<RequestDescription> description = ParseRequest(input);
  if (!description.ok()) return description.status();
  if (!description->modeled()) return absl::FailedPreconditionError(UnmodeledText(*description));
  parsed.single = *std::move(description);
  return parsed;
}

// One decision for `token`: allowed, status and denying sides; or why the request does not resolve.
absl::StatusOr<TokenAnswer> Decide(const Snapshot& s, const World& w, const Parsed& parsed, const std::string& token) {
  TokenAnswer answer;
  answer.token = token;
  if (parsed.sequence.has_value()) {
    const absl::StatusOr<SequenceExplanation> e = ExplainSequence(s, w, token, *parsed.sequence);
    if (!e.ok()) return e.status();
    answer.allowed = e->allowed;
    answer.status = e->status;
    const StepResult& step = e->steps[e->deciding_step - 1];
    if (!e->allowed && step.explanation.has_value()) answer.denied_by = step.explanation->decision.DeniedBy();
    return answer;
  }
  const absl::StatusOr<ResolvedRequest> resolved = Resolve(s, token, *parsed.single);
  if (!resolved.ok()) return resolved.status();
  const Decision d = Check(s, resolved->request);
  answer.allowed = d.allowed;
  answer.status = d.status;
  answer.denied_by = d.DeniedBy();
  return answer;
}

// A name none of `taken` is, for the probe of `user`.
std::string ProbeName(const absl::flat_hash_set<absl::string_view>& taken, const std::string& user) {
  std::string name = absl::StrCat("who-can probe of ", user);
  while (taken.contains(name)) name += "'";
  return name;
}

}  // namespace

absl::optional<std::string> LevelMethod(absl::string_view level) {
  if (level == "see") return std::string("repo_info");
  if (level == "read") return std::string("hf_hub_download");
  if (level == "write") return std::string("create_commit");
  return absl::nullopt;
}

int WhoCanResult::allowed() const {
  return static_cast<int>(std::count_if(tokens.begin(), tokens.end(), [](const TokenAnswer& t) { return t.allowed; }));
}

WhoCanProbes MakeWhoCanProbes(const World& world) {
  WhoCanProbes out;
  out.world = world;
  out.world.cases.clear();
  // The principals: the users, and the orgs' service accounts (whose tokens their org's admins make).
  std::vector<Name> principals(world.users.begin(), world.users.end());
  for (const Org& org : world.orgs) principals.insert(principals.end(), org.service_accounts.begin(), org.service_accounts.end());
  absl::flat_hash_set<absl::string_view> taken;
  for (const Token& token : world.tokens) taken.insert(token.name.text);
  for (const Name& user : principals) {
    Token probe;
    probe.name = Name{ProbeName(taken, user.text), {}};
    probe.owner = user;
    probe.role = TokenRole::kFineGrained;
    PermissionSet::All().ForEach([&](Permission p) {
      probe.global.push_back(PermissionEntry{Name{std::string(PermissionName(p)), {}}, p});
    });
    for (const Org& org : world.orgs) {
      if (org.token_policy == TokenPolicy::kRequireApproval) {
        probe.org_status.push_back(OrgApproval{org.name, ApprovalStatus::kApproved, {}});
      }
    }
    out.probes.emplace_back(user.text, probe.name.text);
    out.world.tokens.push_back(std::move(probe));
  }
  out.snapshot = Snapshot::Compile(out.world, SourceFiles());
  return out;
}

absl::StatusOr<WhoCanResult> WhoCanDo(const World& world, const Snapshot& snapshot, const WhoCanProbes& probes,
                                      const RequestInput& input) {
  const absl::StatusOr<Parsed> parsed = Parse(input);
  if (!parsed.ok()) return parsed.status();
  WhoCanResult out;
  absl::Status first_error;
  for (const Token& token : world.tokens) {
    absl::StatusOr<TokenAnswer> answer = Decide(snapshot, world, *parsed, token.name.text);
    if (!answer.ok()) {
      // A request that resolves for no token is an error; one token's own namespace may differ.
      if (first_error.ok()) first_error = answer.status();
      continue;
    }
    answer->owner = token.owner.text;
    out.tokens.push_back(*std::move(answer));
  }
  if (out.tokens.empty() && !world.tokens.empty()) return first_error;
  std::sort(out.tokens.begin(), out.tokens.end(), [](const TokenAnswer& a, const TokenAnswer& b) { return a.token < b.token; });
  for (const auto& [user, probe] : probes.probes) {
    const absl::StatusOr<TokenAnswer> answer = Decide(*probes.snapshot, probes.world, *parsed, probe);
    if (!answer.ok()) {
      if (first_error.ok()) first_error = answer.status();
      continue;
    }
    const bool user_refuses = std::find(answer->denied_by.begin(), answer->denied_by.end(), Side::kUser) != answer->denied_by.end();
    if (answer->allowed || (!answer->denied_by.empty() && !user_refuses)) out.users.push_back(user);
  }
  if (world.tokens.empty() && out.users.empty() && !first_error.ok()) return first_error;
  std::sort(out.users.begin(), out.users.end());
  return out;
}

}  // namespace hubperm
