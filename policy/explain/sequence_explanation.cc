// Copyright 2026 The hubperm Authors.

#include "policy/explain/sequence_explanation.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/json_writer.h"
#include "policy/decide/check.h"
#include "policy/explain/explain_json.h"
#include "policy/model/operation.h"
#include "policy/request/resolve.h"

namespace hubperm {
namespace {

// The world with `repo` added, as the token creates it: public (huggingface_hub's create_repo sends no
// `private` unless asked) [assumed], created by the token (and so by its owner).
std::shared_ptr<const Snapshot> WithCreatedRepo(const Snapshot& snapshot, const World& world,
                                                const SequenceDescription& sequence, const std::string& owner,
                                                const std::string& token) {
  World w = world;
  Repo repo;
  repo.id.text = sequence.repo;
  repo.type = sequence.type;
  repo.created_by = Name{owner, SourcePos()};
  repo.created_by_token = Name{token, SourcePos()};
  w.repos.push_back(std::move(repo));
  return Snapshot::Compile(w, snapshot.files());
}

// The call ends here: the verdict from `step`.
void End(SequenceExplanation* e, const StepResult& step, bool allowed, int status, std::string outcome) {
  e->allowed = allowed;
  e->status = status;
  e->deciding_step = step.index;
  e->outcome = std::move(outcome);
}

absl::optional<absl::string_view> OrNull(const std::string& text) {
  if (text.empty()) return absl::nullopt;
  return absl::string_view(text);
}

// A step's answer, as its line in the text says it.
std::string Describe(const StepResult& r, const Style& style) {
  switch (r.state) {
    case StepState::kAllowed:
      return style.Paint(Tone::kAllow, "ALLOW");
    case StepState::kRefused:
      return RenderCheckLine(*r.explanation, style);
    case StepState::kExists:
      return "409: the repo exists";
    case StepState::kNotFound:
      return "404: the repo does not exist";
    case StepState::kUnmodeled:
      return absl::StrCat("NOT MODELED ", r.unmodeled);
    case StepState::kSkipped:
      return "skipped";
    case StepState::kNotReached:
      return "not reached";
  }
  return "";
}

}  // namespace

absl::string_view StepStateName(StepState state) {
  switch (state) {
    case StepState::kAllowed:
      return "allowed";
    case StepState::kRefused:
      return "refused";
    case StepState::kExists:
      return "exists";
    case StepState::kNotFound:
      return "not_found";
    case StepState::kUnmodeled:
      return "unmodeled";
    case StepState::kSkipped:
      return "skipped";
    case StepState::kNotReached:
      return "not_reached";
  }
  return "";
}

absl::StatusOr<SequenceExplanation> ExplainSequence(const Snapshot& snapshot, const World& world,
                                                    absl::string_view token, const SequenceDescription& sequence) {
  const absl::optional<TokenId> token_id = snapshot.FindToken(token);
  if (!token_id.has_value()) {
    // Resolve names the unknown token with the known ones.
    for (const SequenceStepRequest& step : sequence.steps) {
      if (!step.description.modeled()) continue;
      absl::StatusOr<ResolvedRequest> resolved = Resolve(snapshot, token, step.description);
      if (!resolved.ok()) return resolved.status();
    }
    return absl::NotFoundError(absl::StrCat("unknown token '", token, "'"));
  }
  SequenceExplanation e;
  const SequenceRow& row = *sequence.row;
  e.method = row.method;
  e.library = row.library;
  e.source = row.source;
  e.repo = sequence.repo;
  e.type = sequence.type;
  e.token_name = std::string(token);
  e.owner_name = snapshot.user(snapshot.token(*token_id).owner).name;
  for (size_t i = 0; i < sequence.steps.size(); ++i) {
    StepResult r;
    r.index = static_cast<int>(i) + 1;
    r.http = sequence.steps[i].http;
    r.step = sequence.steps[i].step;
    e.steps.push_back(std::move(r));
  }

  const Snapshot* current = &snapshot;
  int refused_step = -1;  // while falling back: the index of the refused step
  int last_decided = -1;
  size_t i = 0;
  bool ended = false;
  while (i < sequence.steps.size() && !ended) {
    const SequenceStepRequest& request = sequence.steps[i];
    const SequenceStep& step = *request.step;
    StepResult& r = e.steps[i];
    if (step.fallback && refused_step < 0) {
      r.state = StepState::kSkipped;
      r.client = "sent only in place of a refused step";
      ++i;
      continue;
    }
    if (!step.fallback) refused_step = -1;  // the fallback steps, if any, all passed
    if (!request.description.modeled()) {
      r.state = StepState::kUnmodeled;
      r.unmodeled = UnmodeledText(request.description);
      r.unmodeled_key = std::string(UnmodeledReason(request.description).first);
      r.client = "not decided (a route hubperm does not model); the client goes on";
      ++i;
      continue;
    }
    // The step's own repo: the sequence's, or the destination ({to}) a copy commits to.
    const RequestDescription& d = request.description;
    const bool on_repo = GetOperationInfo(d.operation).target == TargetKind::kRepo;
    const bool repo_exists = on_repo ? current->FindRepo(d.repo_type, d.repo).has_value()
                                     : current->FindRepo(sequence.type, sequence.repo).has_value();
    r.snapshot = current;
    if (on_repo && !repo_exists) {
      // The Hub answers 404 for a repo that does not exist (hubperm knows the world it was given).
      r.state = StepState::kNotFound;
      r.status = 404;
    } else {
      absl::StatusOr<ResolvedRequest> resolved = Resolve(*current, token, request.description);
      if (!resolved.ok()) {
        return absl::Status(resolved.status().code(),
                            absl::StrCat("step ", r.index, " of ", row.method, " (", r.http, "): ", resolved.status().message()));
      }
      const Decision decision = Check(*current, resolved->request);
      r.explanation = Explain(*current, *resolved, decision);
      r.status = decision.status;
      r.state = decision.allowed ? StepState::kAllowed : StepState::kRefused;
      if (decision.allowed && step.body == StepBody::kCreate && repo_exists) {
        r.state = StepState::kExists;
        r.status = 409;
      }
    }
    last_decided = static_cast<int>(i);

    if (refused_step >= 0) {  // a fallback step
      if (r.state == StepState::kAllowed) {
        r.client = absl::StrCat("allowed: the client takes it in place of step ", refused_step + 1, " and goes on");
        ++i;
        continue;
      }
      r.client = absl::StrCat("refused too: the client raises step ", refused_step + 1, "'s error");
      const StepResult& refused = e.steps[refused_step];
      End(&e, refused, false, refused.status,
          absl::StrCat(row.method, " raises step ", refused.index, "'s ", refused.status,
                       " (its fallback, step ", r.index, ", is refused too)"));
      ended = true;
      break;
    }
    switch (r.state) {
      case StepState::kExists:
        if (step.on_exists_done) {
          r.client = "409: the repo exists; with exist_ok the client goes on as if it had created it";
          ++i;
        } else {
          r.client = "409: the repo exists; the client raises it";
          End(&e, r, false, 409, absl::StrCat(row.method, " raises 409 at step ", r.index, ": the repo exists"));
          ended = true;
        }
        break;
      case StepState::kAllowed: {
        if (step.body == StepBody::kCreate && !repo_exists) {
          e.created = WithCreatedRepo(snapshot, world, sequence, e.owner_name, std::string(token));
          e.created_repo = true;
          current = e.created.get();
          r.client = "allowed: the repo is created, and the later steps see it";
        } else {
          r.client = "allowed";
        }
        switch (step.on_allow.action) {
          case StepAction::kDone:
            r.client = "allowed: the call succeeds here";
            End(&e, r, true, 200, absl::StrCat(row.method, " succeeds at step ", r.index));
            ended = true;
            break;
          case StepAction::kGoto: {
            const int target = row.StepNamed(step.on_allow.target);
            for (int j = static_cast<int>(i) + 1; j < target; ++j) {
              e.steps[j].state = StepState::kSkipped;
              e.steps[j].client = absl::StrCat("passed over: step ", r.index, " was allowed");
            }
            absl::StrAppend(&r.client, "; the client goes on at step ", target + 1);
            i = static_cast<size_t>(target);
            break;
          }
          default:
            ++i;
        }
        break;
      }
      case StepState::kRefused:
      case StepState::kNotFound: {
        const StepOutcome outcome = step.OnDeny(r.status);
        switch (outcome.action) {
          case StepAction::kNext:
            r.client = absl::StrCat("the client catches the ", r.status, " and goes on");
            ++i;
            break;
          case StepAction::kGoto: {
            const int target = row.StepNamed(outcome.target);
            r.client = absl::StrCat("the client catches the ", r.status, " and goes on at step ", target + 1);
            for (int j = static_cast<int>(i) + 1; j < target; ++j) {
              e.steps[j].state = StepState::kSkipped;
              e.steps[j].client = absl::StrCat("passed over after step ", r.index);
            }
            i = static_cast<size_t>(target);
            break;
          }
          case StepAction::kFallback:
            r.client = absl::StrCat("the client catches the ", r.status, " and falls back to step ", i + 2);
            refused_step = static_cast<int>(i);
            ++i;
            break;
          case StepAction::kDone:
          case StepAction::kFail:
            r.client = absl::StrCat("the client raises the ", r.status);
            End(&e, r, false, r.status,
                absl::StrCat(row.method, " raises ", r.status, " at step ", r.index, " of ", e.steps.size()));
            ended = true;
            break;
        }
        break;
      }
      default:
        ++i;
    }
  }
  if (!ended) {
    if (last_decided < 0) {
      e.allowed = true;
      e.status = 200;
      e.outcome = absl::StrCat(row.method, ": no step is decided (every route is one hubperm does not model)");
    } else {
      End(&e, e.steps[last_decided], true, 200,
          absl::StrCat(row.method, " succeeds: every request the client sends is allowed or caught"));
    }
  }
  return e;
}

std::string RenderSequenceLine(const SequenceExplanation& e, const Style& style) {
  if (e.allowed) {
    return absl::StrCat(style.Paint(Tone::kAllow, "ALLOW"), " (", e.outcome, ")");
  }
  const StepResult& step = e.steps[e.deciding_step - 1];
  std::string line;
  if (step.explanation.has_value() && step.state == StepState::kRefused) {
    line = RenderCheckLine(*step.explanation, style);
  } else {
    line = absl::StrCat(style.Paint(Tone::kDeny, "DENY"), " ", e.status, ": ", Describe(step, style));
  }
  return absl::StrCat(line, " [", e.method, " fails at step ", step.index, " of ", e.steps.size(), ": ", step.http, "]");
}

std::string RenderSequence(const SequenceExplanation& e, const Style& style) {
  std::string out = absl::StrCat(e.method, " on ", NameOf(e.type), " ", e.repo, ", token ", e.token_name, " (",
                                 e.owner_name, "): ", RenderSequenceLine(e, style), "\n");
  absl::StrAppend(&out, "The client's requests, in order (", e.library, ": ", e.source, "):\n");
  for (const StepResult& r : e.steps) {
    absl::StrAppend(&out, "  ", r.index, ". ", r.http, "\n     ");
    absl::StrAppend(&out, Describe(r, style));
    if (!r.client.empty() && r.state != StepState::kNotReached) absl::StrAppend(&out, "\n     -> ", r.client);
    if (!r.step->when.empty()) absl::StrAppend(&out, "\n     (sent ", r.step->when, ")");
    if (!r.step->note.empty()) absl::StrAppend(&out, "\n     note: ", r.step->note);
    if (!e.allowed && r.index == e.deciding_step) absl::StrAppend(&out, "\n     <- the call fails here");
    absl::StrAppend(&out, "\n");
  }
  if (e.created_repo) {
    absl::StrAppend(&out, "The steps after the create are decided with the new repo, public and created by ",
                    e.owner_name, " [assumed: create_repo sends no visibility unless asked].\n");
  }
  absl::StrAppend(&out, "Outcome: ", e.outcome, "\n");
  if (e.deciding_step > 0) {
    const StepResult& deciding = e.steps[e.deciding_step - 1];
    if (deciding.explanation.has_value()) {
      absl::StrAppend(&out, "\nWhy step ", deciding.index, e.allowed ? " is allowed" : " is refused", ":\n",
                      RenderExplanation(*deciding.explanation, style));
    }
  }
  return out;
}

void WriteSequenceJson(const SequenceExplanation& e, JsonWriter* out) {
  JsonWriter& json = *out;
  json.BeginObject()
      .Key("schema").String(kSequenceSchema)
      .Key("method").String(e.method)
      .Key("library").String(e.library)
      .Key("source").String(e.source)
      .Key("repo").String(e.repo)
      .Key("repo_type").String(NameOf(e.type))
      .Key("token").BeginObject().Key("name").String(e.token_name).Key("owner").String(e.owner_name).EndObject()
      .Key("allowed").Bool(e.allowed)
      .Key("status").Int(e.status)
      .Key("deciding_step").Int(e.deciding_step)
      .Key("outcome").String(e.outcome)
      .Key("created_repo").Bool(e.created_repo)
      .Key("steps").BeginArray();
  for (const StepResult& r : e.steps) {
    json.BeginObject()
        .Key("step").Int(r.index)
        .Key("request").String(r.http)
        .Key("when").StringOrNull(OrNull(r.step->when))
        .Key("note").StringOrNull(OrNull(r.step->note))
        .Key("state").String(StepStateName(r.state));
    if (r.status == 0) {
      json.Key("status").Null();
    } else {
      json.Key("status").Int(r.status);
    }
    json.Key("client").StringOrNull(OrNull(r.client));
    if (r.state == StepState::kUnmodeled) {
      json.Key("unmodeled").BeginObject().Key("key").String(r.unmodeled_key).Key("text").String(r.unmodeled).EndObject();
    } else {
      json.Key("unmodeled").Null();
    }
    json.Key("decision");
    if (r.explanation.has_value()) {
      WriteDecisionJson(*r.snapshot, *r.explanation, out);
    } else {
      json.Null();
    }
    json.EndObject();
  }
  json.EndArray().EndObject();
}

std::string RenderSequenceJson(const SequenceExplanation& e) {
  JsonWriter json;
  WriteSequenceJson(e, &json);
  return json.Finish();
}

}  // namespace hubperm
