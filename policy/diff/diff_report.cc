// Copyright 2026 The hubperm Authors.

#include "policy/diff/diff_report.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/json_writer.h"
#include "policy/common/timestamp.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"

namespace hubperm {
namespace {

// The namespace a request acts in (its repo's, the namespace, the org's, the group's org's), or kNoIndex.
int32_t NamespaceOf(const WorldPair& pair, const DiffRequest& d) {
  if (d.repo != kNoIndex) return pair.namespace_of_repo(d.repo);
  if (d.ns != kNoIndex) return d.ns;
  const int32_t org = d.org != kNoIndex ? d.org : d.group != kNoIndex ? pair.org_of_group(d.group) : kNoIndex;
  return org == kNoIndex ? kNoIndex : pair.namespace_of_org(org);
}

uint64_t VerdictKey(const DiffVerdict& v) {
  return static_cast<uint64_t>(v.presence) << 40 | static_cast<uint64_t>(v.allowed) << 32 |
         static_cast<uint64_t>(static_cast<uint16_t>(v.status)) << 8 | v.denied;
}

std::string Plural(int64_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

std::string CountsText(int64_t gained, int64_t lost, int64_t other) {
  std::vector<std::string> parts;
  if (lost > 0) parts.push_back(absl::StrCat(lost, " lost"));
  if (gained > 0) parts.push_back(absl::StrCat(gained, " gained"));
  if (other > 0) parts.push_back(absl::StrCat(other, " answered otherwise"));
  return parts.empty() ? std::string("no change") : absl::StrJoin(parts, ", ");
}

std::string FactLine(const FactChange& f) { return absl::StrCat(f.subject, ": ", f.what); }

// What one entry asks: "lost hf_hub_download on 6 repos of acme: a, b, ... (2 more)".
std::string EntryTargets(const WorldPair& pair, const DiffResult& diff, const ChangeEntry& e, size_t max_targets) {
  const DiffRequest& first = diff.changes[e.changes[0]].request;
  if (e.count == 1) {
    const std::string target = DiffTargetText(pair, first);
    return target.empty() ? std::string() : absl::StrCat(" ", target);
  }
  const std::vector<std::string> targets = EntryTargetTexts(pair, diff, e, max_targets);
  const int32_t ns = NamespaceOf(pair, first);
  std::string out = absl::StrCat(" on ", e.count, first.repo != kNoIndex ? " repos" : " targets",
                                 ns == kNoIndex ? "" : absl::StrCat(" of ", pair.namespace_name(ns)), ": ",
                                 absl::StrJoin(targets, ", "));
  if (e.count > static_cast<int64_t>(targets.size())) {
    absl::StrAppend(&out, ", ... (", e.count - static_cast<int64_t>(targets.size()), " more)");
  }
  return out;
}

void WriteWhere(const WorldPair& pair, WorldSide side, const SourcePos& pos, JsonWriter* json) {
  WritePosition(pair.world(side).files(), pos, json);
}

// One answer as JSON: allowed, status, denied_by, each side's reason, and the line.
void WriteAnswer(const WorldPair& pair, WorldSide side, const DiffRequest& d, const DiffVerdict& v, absl::Time at,
                 JsonWriter* json) {
  json->BeginObject().Key("allowed").Bool(v.allowed).Key("status").Int(v.status);
  json->Key("present").Bool(v.presence == DiffVerdict::Presence::kPresent);
  json->Key("denied_by").BeginArray();
  for (Side s : {Side::kUser, Side::kToken, Side::kPolicy}) {
    if (v.presence == DiffVerdict::Presence::kPresent && (v.denied & (1 << static_cast<int>(s))) != 0) json->String(NameOf(s));
  }
  json->EndArray();
  json->Key("reason").String(DiffAnswerText(pair, side, d, v, at));
  json->EndObject();
}

}  // namespace

absl::string_view ChangeWord(const DecisionChange& change) {
  return change.gained() ? "gained" : change.lost() ? "lost" : "changed";
}

std::string FactWhere(const WorldPair& pair, WorldSide side, const SourcePos& pos) {
  return pos.known() ? pair.world(side).files().Format(pos) : std::string();
}

std::string DiffTargetText(const WorldPair& pair, const DiffRequest& d) {
  if (d.repo != kNoIndex) {
    std::string text = pair.repo_key(d.repo);
    if (d.group != kNoIndex) absl::StrAppend(&text, " into group ", pair.group_name(d.group));
    return text;
  }
  if (d.ns != kNoIndex) {
    return absl::StrCat("a new ", NameOf(d.type), " in ", pair.namespace_name(d.ns),
                        d.group == kNoIndex ? "" : absl::StrCat(" (group ", pair.group_name(d.group), ")"));
  }
  if (d.org != kNoIndex) return absl::StrCat("org ", pair.org_name(d.org));
  if (d.group != kNoIndex) {
    const int32_t org = pair.org_of_group(d.group);
    return absl::StrCat("group ", pair.group_name(d.group), org == kNoIndex ? "" : absl::StrCat(" (org ", pair.org_name(org), ")"));
  }
  return "";
}

std::string DiffAnswerText(const WorldPair& pair, WorldSide side, const DiffRequest& d, const DiffVerdict& v, absl::Time at) {
  if (v.presence == DiffVerdict::Presence::kNoToken) return "no such token in this world (401)";
  if (v.presence == DiffVerdict::Presence::kNoTarget) {
    return absl::StrCat("no such ", d.repo != kNoIndex && pair.repo(side, d.repo) == kNoId ? "repo"
                                    : d.group != kNoIndex                                    ? "group"
                                    : d.org != kNoIndex                                      ? "org"
                                                                                             : "namespace",
                        " in this world (404)");
  }
  const absl::optional<Request> request = RequestIn(pair, side, d, at);
  const Snapshot& w = pair.world(side);
  const Decision decision = Check(w, *request);
  const Explanation e = Explain(w, *request, decision);
  if (decision.allowed) return absl::StrCat("ALLOW (user: ", e.user, "; token: ", e.token, ")");
  return RenderCheckLine(e);
}

std::vector<std::string> EntryTargetTexts(const WorldPair& pair, const DiffResult& diff, const ChangeEntry& entry,
                                          size_t max) {
  std::vector<std::string> out;
  for (size_t c : entry.changes) {
    if (out.size() >= max) break;
    const DecisionChange& change = diff.changes[c];
    if (change.repo_class == kNoIndex) {
      out.push_back(DiffTargetText(pair, change.request));
      continue;
    }
    diff.ForEachRequest(change, [&](const DiffRequest& d) {
      if (out.size() < max) out.push_back(DiffTargetText(pair, d));
    });
  }
  return out;
}

DiffReport SummarizeDiff(const WorldPair& pair, const DiffResult& diff) {
  DiffReport report;
  report.facts.resize(diff.delta.facts.size());
  // Fact lists by id, so that an entry's key is a few integers.
  absl::flat_hash_map<std::vector<int32_t>, int32_t> fact_list_ids;
  // (operation, namespace, both answers, fact list) -> the token's entry.
  using Key = std::tuple<int, int32_t, uint64_t, uint64_t, int32_t>;
  absl::flat_hash_map<Key, size_t> entry_of;
  std::vector<int32_t> facts;
  for (size_t i = 0; i < diff.changes.size(); ++i) {
    const DecisionChange& c = diff.changes[i];
    if (report.tokens.empty() || report.tokens.back().token != c.request.token) {
      report.tokens.emplace_back();
      TokenChanges& t = report.tokens.back();
      t.token = c.request.token;
      const WorldSide side = pair.token(kAfter, t.token) != kNoId ? kAfter : kBefore;
      const Snapshot& w = pair.world(side);
      const UserId owner = w.token(pair.token(side, t.token)).owner;
      t.owner = owner == kNoId ? std::string() : w.user(owner).name;
      entry_of.clear();
    }
    TokenChanges& t = report.tokens.back();
    const int64_t n = diff.Count(c);
    (c.gained() ? t.gained : c.lost() ? t.lost : t.other) += n;
    diff.FactsOf(pair, c, &facts);
    for (int32_t f : facts) {
      FactEffect& effect = report.facts[f];
      (c.gained() ? effect.gained : c.lost() ? effect.lost : effect.other) += n;
      if (effect.tokens.empty() || effect.tokens.back() != c.request.token) effect.tokens.push_back(c.request.token);
    }
    const int32_t fact_list = fact_list_ids.try_emplace(facts, static_cast<int32_t>(fact_list_ids.size())).first->second;
    const Key key{static_cast<int>(c.request.operation), NamespaceOf(pair, c.request), VerdictKey(c.before),
                  VerdictKey(c.after), fact_list};
    auto [it, added] = entry_of.try_emplace(key, t.entries.size());
    if (added) {
      t.entries.emplace_back();
      t.entries.back().facts = facts;
    }
    ChangeEntry& entry = t.entries[it->second];
    entry.changes.push_back(i);
    entry.count += n;
  }
  return report;
}

std::string RenderDiffText(const WorldPair& pair, const DiffResult& diff, const DiffReport& report,
                           const DiffHeader& header, const Style& style) {
  const absl::Time at = header.at.value_or(Request::kAnyMoment);
  std::string out = absl::StrCat(
      "hubperm diff: ", Plural(diff.changed, "decision", "decisions"), " changed",
      report.tokens.empty() ? "" : absl::StrCat(" for ", Plural(static_cast<int64_t>(report.tokens.size()), "token", "tokens")),
      diff.changed == 0 ? "" : absl::StrCat(": ", CountsText(diff.gained, diff.lost, diff.other)), "\n");
  absl::StrAppend(&out, "  before: ", absl::StrJoin(header.before_files, " "), "\n  after:  ",
                  absl::StrJoin(header.after_files, " "));
  for (const std::string& set : header.sets) absl::StrAppend(&out, " --set ", set);
  absl::StrAppend(&out, "\n");
  if (header.at.has_value()) absl::StrAppend(&out, "  at:     ", FormatTimestamp(*header.at), "\n");

  const std::vector<FactChange>& facts = diff.delta.facts;
  absl::StrAppend(&out, "\n", style.Paint(Tone::kHeading, absl::StrCat("Facts that changed (", facts.size(), ")")),
                  facts.empty() ? ": none, so no decision can differ\n" : "\n");
  for (size_t f = 0; f < facts.size(); ++f) {
    const FactChange& fact = facts[f];
    const std::string before = FactWhere(pair, kBefore, fact.before), after = FactWhere(pair, kAfter, fact.after);
    absl::StrAppend(&out, "  [", FactKindName(fact.kind), "] ", FactLine(fact));
    if (!before.empty() || !after.empty()) {
      absl::StrAppend(&out, "  (", before.empty() ? "-" : before, " -> ", after.empty() ? "-" : after, ")");
    }
    const FactEffect& effect = report.facts[f];
    std::vector<std::string> tokens;
    for (size_t i = 0; i < effect.tokens.size() && i < kMaxTextTargets; ++i) {
      tokens.emplace_back(pair.token_name(effect.tokens[i]));
    }
    absl::StrAppend(&out, "\n      ", CountsText(effect.gained, effect.lost, effect.other));
    if (!tokens.empty()) {
      absl::StrAppend(&out, "; ", Plural(static_cast<int64_t>(effect.tokens.size()), "token", "tokens"), ": ",
                      absl::StrJoin(tokens, ", "),
                      effect.tokens.size() > tokens.size() ? absl::StrCat(", ... (", effect.tokens.size() - tokens.size(), " more)") : "");
    }
    absl::StrAppend(&out, "\n");
  }

  if (!report.tokens.empty()) absl::StrAppend(&out, "\n", style.Paint(Tone::kHeading, "By token"), "\n");
  for (size_t i = 0; i < report.tokens.size() && i < kMaxTextTokens; ++i) {
    const TokenChanges& t = report.tokens[i];
    absl::StrAppend(&out, "  ", pair.token_name(t.token), t.owner.empty() ? "" : absl::StrCat(" (owner ", t.owner, ")"),
                    ": ", CountsText(t.gained, t.lost, t.other), "\n");
    for (const ChangeEntry& e : t.entries) {
      const DecisionChange& first = diff.changes[e.changes[0]];
      const absl::string_view word = ChangeWord(first);
      const Tone tone = first.gained() ? Tone::kAllow : first.lost() ? Tone::kDeny : Tone::kHeading;
      absl::StrAppend(&out, "    ", style.Paint(tone, word), std::string(8 - word.size(), ' '),
                      GetOperationInfo(first.request.operation).name, EntryTargets(pair, diff, e, kMaxTextTargets), "\n");
      absl::StrAppend(&out, "        before: ", DiffAnswerText(pair, kBefore, first.request, first.before, at), "\n");
      absl::StrAppend(&out, "        after:  ", DiffAnswerText(pair, kAfter, first.request, first.after, at), "\n");
      for (int32_t f : e.facts) absl::StrAppend(&out, "        fact:   ", FactLine(facts[f]), "\n");
    }
  }
  if (report.tokens.size() > kMaxTextTokens) {
    absl::StrAppend(&out, "  ... and ", report.tokens.size() - kMaxTextTokens,
                    " more tokens (--format json or html lists every one)\n");
  }
  return out;
}

std::string RenderDiffJson(const WorldPair& pair, const DiffResult& diff, const DiffReport& report,
                           const DiffHeader& header) {
  const absl::Time at = header.at.value_or(Request::kAnyMoment);
  JsonWriter json;
  json.BeginObject().Key("schema").String("hubperm.diff/v1");
  json.Key("before").BeginArray();
  for (const std::string& f : header.before_files) json.String(f);
  json.EndArray().Key("after").BeginArray();
  for (const std::string& f : header.after_files) json.String(f);
  json.EndArray().Key("sets").BeginArray();
  for (const std::string& s : header.sets) json.String(s);
  json.EndArray();
  json.Key("at").StringOrNull(header.at.has_value() ? absl::optional<absl::string_view>(FormatTimestamp(*header.at))
                                                    : absl::nullopt);
  json.Key("changed").Bool(diff.changed > 0);
  json.Key("counts").BeginObject()
      .Key("changes").Int(diff.changed)
      .Key("gained").Int(diff.gained)
      .Key("lost").Int(diff.lost)
      .Key("other").Int(diff.other)
      .Key("tokens").Int(static_cast<int64_t>(report.tokens.size()))
      .Key("decisions").Int(diff.decisions)
      .EndObject();
  json.Key("facts").BeginArray();
  for (size_t f = 0; f < diff.delta.facts.size(); ++f) {
    const FactChange& fact = diff.delta.facts[f];
    const FactEffect& effect = report.facts[f];
    json.BeginObject().Key("kind").String(FactKindName(fact.kind)).Key("subject").String(fact.subject)
        .Key("what").String(fact.what).Key("before");
    WriteWhere(pair, kBefore, fact.before, &json);
    json.Key("after");
    WriteWhere(pair, kAfter, fact.after, &json);
    json.Key("gained").Int(effect.gained).Key("lost").Int(effect.lost).Key("other").Int(effect.other);
    json.Key("tokens").BeginArray();
    for (int32_t t : effect.tokens) json.String(pair.token_name(t));
    json.EndArray().EndObject();
  }
  json.EndArray();
  json.Key("classes").BeginArray();
  for (size_t k = 0; k < diff.classes.size(); ++k) {
    const RepoClass& repo_class = diff.classes[k];
    const int32_t first = repo_class.repos[0];
    const Snapshot::RepoFacts& facts = pair.world(kBefore).facts(pair.repo(kBefore, first));
    json.BeginObject().Key("id").Int(static_cast<int64_t>(k))
        .Key("namespace").String(pair.namespace_name(repo_class.ns))
        .Key("type").String(NameOf(facts.type))
        .Key("private").Bool(facts.is_private)
        .Key("gated");
    if (facts.gated == Gating::kNone) {
      json.Bool(false);  // as a fixture says it: false, auto or manual
    } else {
      json.String(NameOf(facts.gated));
    }
    json.Key("repos").BeginArray();
    for (int32_t r : repo_class.repos) json.String(pair.repo_key(r));
    json.EndArray().EndObject();
  }
  json.EndArray();
  json.Key("group_classes").BeginArray();
  for (size_t k = 0; k < diff.group_classes.size(); ++k) {
    const GroupClassRecord& group_class = diff.group_classes[k];
    json.BeginObject().Key("id").Int(static_cast<int64_t>(k)).Key("org").String(pair.org_name(group_class.org));
    json.Key("groups").BeginArray();
    for (int32_t g : group_class.groups) json.String(pair.group_name(g));
    json.EndArray().EndObject();
  }
  json.EndArray();
  json.Key("tokens").BeginArray();
  for (const TokenChanges& t : report.tokens) {
    json.BeginObject().Key("token").String(pair.token_name(t.token)).Key("owner").String(t.owner);
    json.Key("gained").Int(t.gained).Key("lost").Int(t.lost).Key("other").Int(t.other);
    json.Key("changes").BeginArray();
    for (const ChangeEntry& e : t.entries) {
      const DecisionChange& first = diff.changes[e.changes[0]];
      json.BeginObject().Key("change").String(ChangeWord(first))
          .Key("operation").String(GetOperationInfo(first.request.operation).name);
      json.Key("count").Int(e.count);
      json.Key("targets").BeginArray();
      auto classed = [](const DecisionChange& c) { return c.repo_class != kNoIndex || c.group_class != kNoIndex; };
      for (size_t c : e.changes) {
        if (!classed(diff.changes[c])) json.String(DiffTargetText(pair, diff.changes[c].request));
      }
      json.EndArray();
      json.Key("classes").BeginArray();
      for (size_t c : e.changes) {
        const DecisionChange& change = diff.changes[c];
        if (!classed(change)) continue;
        json.BeginObject().Key("class");
        if (change.repo_class == kNoIndex) {
          json.Null();
        } else {
          json.Int(change.repo_class);
        }
        json.Key("group");
        if (change.request.group == kNoIndex || change.group_class != kNoIndex) {
          json.Null();
        } else {
          json.String(pair.group_name(change.request.group));
        }
        json.Key("group_class");
        if (change.group_class == kNoIndex) {
          json.Null();
        } else {
          json.Int(change.group_class);
        }
        json.EndObject();
      }
      json.EndArray();
      json.Key("before");
      WriteAnswer(pair, kBefore, first.request, first.before, at, &json);
      json.Key("after");
      WriteAnswer(pair, kAfter, first.request, first.after, at, &json);
      json.Key("facts").BeginArray();
      for (int32_t f : e.facts) json.Int(f);
      json.EndArray().EndObject();
    }
    json.EndArray().EndObject();
  }
  json.EndArray().EndObject();
  return json.Finish();
}

}  // namespace hubperm
