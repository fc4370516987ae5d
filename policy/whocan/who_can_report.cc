// Copyright 2026 The hubperm Authors.

#include "policy/whocan/who_can_report.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/escape.h"
#include "policy/common/json_writer.h"

namespace hubperm {
namespace {

std::string Sides(const std::vector<Side>& sides) {
  std::vector<std::string> names;
  for (Side side : sides) names.emplace_back(NameOf(side));
  return absl::StrJoin(names, ", ");
}

std::string TokenText(const TokenAnswer& t) { return absl::StrCat(EscapeUnsafe(t.token), " (", EscapeUnsafe(t.owner), ")"); }

}  // namespace

std::string RenderWhoCanText(const WhoCanResult& who, absl::string_view request) {
  std::string out = absl::StrCat("Who may ", EscapeUnsafe(request), "?\n");
  std::vector<std::string> allowed;
  std::vector<const TokenAnswer*> one_side;
  int more = 0;
  for (const TokenAnswer& t : who.tokens) {
    if (t.allowed) {
      allowed.push_back(TokenText(t));
    } else if (t.denied_by.size() == 1) {
      one_side.push_back(&t);
    } else {
      ++more;
    }
  }
  absl::StrAppend(&out, "  tokens allowed (", allowed.size(), "): ", allowed.empty() ? "none" : absl::StrJoin(allowed, ", "), "\n");
  if (!one_side.empty()) {
    absl::StrAppend(&out, "  denied by one side only (", one_side.size(), "): one change away\n");
    for (const TokenAnswer* t : one_side) {
      absl::StrAppend(&out, "    ", TokenText(*t), ": ", Sides(t->denied_by), " side, ", t->status, "\n");
    }
  }
  if (more > 0) absl::StrAppend(&out, "  denied by more than one side, or by the world itself: ", more, more == 1 ? " token\n" : " tokens\n");
  std::vector<std::string> users;
  for (const std::string& u : who.users) users.push_back(EscapeUnsafe(u));
  absl::StrAppend(&out, "  users whose user side allows it (", users.size(), "; each could make a token that may): ",
                  users.empty() ? "none" : absl::StrJoin(users, ", "), "\n");
  return out;
}

std::string RenderWhoCanJson(const WhoCanResult& who, absl::string_view request) {
  JsonWriter json;
  json.BeginObject();
  json.Key("schema").String("hubperm.who_can/v1");
  json.Key("request").String(request);
  for (const bool allowed : {true, false}) {
    json.Key(allowed ? "allowed" : "denied").BeginArray();
    for (const TokenAnswer& t : who.tokens) {
      if (t.allowed != allowed) continue;
      json.BeginObject();
      json.Key("token").String(t.token);
      json.Key("owner").String(t.owner);
      json.Key("status").Int(t.status);
      json.Key("denied_by").BeginArray();
      for (Side side : t.denied_by) json.String(NameOf(side));
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
  }
  json.Key("users").BeginArray();
  for (const std::string& u : who.users) json.String(u);
  json.EndArray();
  json.EndObject();
  return json.Finish();
}

}  // namespace hubperm
