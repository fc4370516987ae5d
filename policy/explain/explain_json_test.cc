// Copyright 2026 The hubperm Authors.
//
// The JSON decision against its documented schema (docs/explanation-json.md): for every request of 10
// random worlds, the document parses, every object has exactly the documented keys in order, every enum
// value is a documented spelling, and the data agrees with the Decision it renders. The schema document
// itself must name every key and every spelling, so the two cannot drift apart.

#include "policy/explain/explain_json.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/decide/check.h"
#include "policy/explain/decision_names.h"
#include "policy/load/fixtures.h"
#include "policy/load/world_writer.h"
#include "policy/model/vocabulary.h"
#include "policy/testing/random_world.h"
#include "testdata/fixture_files.h"
#include "yaml-cpp/yaml.h"

namespace hubperm {
namespace {

using ::testing::ElementsAreArray;

// The documented keys of each object, in the order they are written.
struct ObjectKeys {
  const char* object;
  std::vector<std::string> keys;
};
const ObjectKeys kTop{"decision", {"schema", "allowed", "status", "operation", "operation_assumed", "asked_as", "token", "target",
                                   "sides", "denied_by", "reply", "assumed", "assumptions", "fixes"}};
const ObjectKeys kPosition{"position", {"file", "line", "column"}};
const ObjectKeys kToken{"token", {"name", "owner", "role", "at"}};
const ObjectKeys kTarget{"target", {"kind", "repo", "repo_type", "namespace", "org", "group", "text"}};
const ObjectKeys kSides{"sides", {"user", "token", "policy"}};
const ObjectKeys kUser{"sides.user", {"allowed", "access", "basis", "reason", "subject", "at", "assumed", "text"}};
const ObjectKeys kSubject{"sides.user.subject", {"kind", "name"}};
const ObjectKeys kTokenSide{"sides.token", {"allowed", "basis", "needed", "granted", "missing", "source", "at",
                                            "repo_scope_overrode", "read_implied_by_write", "gate_blocked",
                                            "assumed", "text"}};
const ObjectKeys kPolicy{"sides.policy", {"allowed", "rule", "org", "at", "assumed", "text"}};
const ObjectKeys kReply{"reply", {"status", "kind", "message", "error_code", "assumed", "text"}};
const ObjectKeys kFix{"fixes[]", {"side", "text", "change"}};
const ObjectKeys kUserChange{"user change", {"kind", "role", "org", "group", "repo", "join_org"}};
const ObjectKeys kTokenChange{"token change", {"kind", "renew", "oauth_scopes", "oauth_orgs", "additions"}};
const ObjectKeys kAddition{"additions[]", {"entity_type", "entity", "add", "keep"}};
const ObjectKeys kPolicyChange{"policy change", {"kind", "org"}};
const ObjectKeys* const kAllObjects[] = {&kTop,      &kPosition, &kToken, &kTarget,     &kSides,
                                         &kUser,     &kSubject,  &kTokenSide, &kPolicy, &kReply,
                                         &kFix,      &kUserChange, &kTokenChange, &kAddition, &kPolicyChange};

std::vector<std::string> KeysOf(const YAML::Node& node) {
  std::vector<std::string> keys;
  if (!node.IsMap()) return keys;
  for (const auto& item : node) keys.push_back(item.first.as<std::string>());
  return keys;
}

void ExpectKeys(const YAML::Node& node, const ObjectKeys& expected, const std::string& context) {
  ASSERT_TRUE(node.IsMap()) << expected.object << " is not an object" << context;
  EXPECT_THAT(KeysOf(node), ElementsAreArray(expected.keys)) << expected.object << context;
}

void ExpectPosition(const YAML::Node& node, const std::string& context) {
  if (node.IsNull()) return;
  ExpectKeys(node, kPosition, context);
  EXPECT_GE(node["line"].as<int>(), 1) << context;
  EXPECT_GE(node["column"].as<int>(), 1) << context;
}

template <typename E>
void ExpectSpelling(const YAML::Node& node, const std::string& context) {
  const std::vector<absl::string_view> names = DecisionNames<E>();
  const std::string value = node.as<std::string>();
  EXPECT_NE(std::find(names.begin(), names.end(), value), names.end()) << "'" << value << "'" << context;
}

std::vector<std::string> Strings(const YAML::Node& node) {
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(item.as<std::string>());
  return out;
}

std::vector<std::string> PermissionNames(PermissionSet set) {
  std::vector<std::string> out;
  set.ForEach([&](Permission p) { out.emplace_back(PermissionName(p)); });
  return out;
}

// Checks one document against the schema and against the decision it renders.
void CheckDocument(const std::string& text, const Decision& d, const std::string& context) {
  YAML::Node doc;
  ASSERT_NO_THROW(doc = YAML::Load(text)) << context;
  ExpectKeys(doc, kTop, context);
  EXPECT_EQ(doc["schema"].as<std::string>(), kDecisionSchema);
  EXPECT_EQ(doc["allowed"].as<bool>(), d.allowed) << context;
  EXPECT_EQ(doc["status"].as<int>(), d.status) << context;
  EXPECT_EQ(doc["assumed"].as<bool>(), d.assumed()) << context;
  EXPECT_EQ(doc["assumed"].as<bool>(), doc["assumptions"].size() > 0) << context;

  ExpectKeys(doc["token"], kToken, context);
  ExpectPosition(doc["token"]["at"], context);
  ExpectKeys(doc["target"], kTarget, context);
  ExpectSpelling<TargetKind>(doc["target"]["kind"], context);

  const YAML::Node sides = doc["sides"];
  ExpectKeys(sides, kSides, context);
  ExpectKeys(sides["user"], kUser, context);
  EXPECT_EQ(sides["user"]["allowed"].as<bool>(), d.user.allowed) << context;
  EXPECT_EQ(sides["user"]["basis"].as<std::string>(), DecisionName(d.user.basis)) << context;
  EXPECT_EQ(sides["user"]["reason"].as<std::string>(), DecisionName(d.user.reason)) << context;
  if (!sides["user"]["subject"].IsNull()) ExpectKeys(sides["user"]["subject"], kSubject, context);
  ExpectPosition(sides["user"]["at"], context);

  ExpectKeys(sides["token"], kTokenSide, context);
  EXPECT_EQ(sides["token"]["allowed"].as<bool>(), d.token.allowed) << context;
  EXPECT_EQ(sides["token"]["basis"].as<std::string>(), DecisionName(d.token.basis)) << context;
  EXPECT_EQ(sides["token"]["source"].as<std::string>(), DecisionName(d.token.source)) << context;
  EXPECT_EQ(Strings(sides["token"]["needed"]), PermissionNames(d.token.needed)) << context;
  EXPECT_EQ(Strings(sides["token"]["granted"]), PermissionNames(d.token.granted)) << context;
  EXPECT_EQ(Strings(sides["token"]["missing"]),
            PermissionNames(d.token.allowed ? PermissionSet() : d.token.needed - d.token.granted))
      << context;
  ExpectPosition(sides["token"]["at"], context);

  ExpectKeys(sides["policy"], kPolicy, context);
  EXPECT_EQ(sides["policy"]["allowed"].as<bool>(), d.policy.allowed) << context;
  EXPECT_EQ(sides["policy"]["rule"].as<std::string>(), DecisionName(d.policy.rule)) << context;
  ExpectPosition(sides["policy"]["at"], context);

  std::vector<std::string> denied;
  if (!d.user.allowed) denied.push_back("user");
  if (!d.token.allowed) denied.push_back("token");
  if (!d.policy.allowed) denied.push_back("policy");
  EXPECT_EQ(Strings(doc["denied_by"]), denied) << context;

  ExpectKeys(doc["reply"], kReply, context);
  EXPECT_EQ(doc["reply"]["status"].as<int>(), d.status) << context;
  EXPECT_EQ(doc["reply"]["kind"].as<std::string>(), DecisionName(d.reply)) << context;
  EXPECT_THAT(doc["reply"]["text"].as<std::string>(), ::testing::StartsWith(absl::StrCat(d.status, " "))) << context;

  std::vector<std::string> fix_sides;
  for (const YAML::Node& fix : doc["fixes"]) {
    ExpectKeys(fix, kFix, context);
    const std::string side = fix["side"].as<std::string>();
    fix_sides.push_back(side);
    EXPECT_FALSE(fix["text"].as<std::string>().empty()) << context;
    const YAML::Node change = fix["change"];
    if (side == "user") {
      ExpectKeys(change, kUserChange, context);
      ExpectSpelling<UserChangeKind>(change["kind"], context);
    } else if (side == "token") {
      ExpectKeys(change, kTokenChange, context);
      ExpectSpelling<TokenChangeKind>(change["kind"], context);
      for (const YAML::Node& addition : change["additions"]) {
        ExpectKeys(addition, kAddition, context);
        EXPECT_GT(addition["add"].size(), 0u) << context;
      }
    } else {
      ExpectKeys(change, kPolicyChange, context);
      ExpectSpelling<PolicyChangeKind>(change["kind"], context);
    }
  }
  // One fix per denying side, in denied_by order; a two-part operation (move_repo, duplicate_repo) may
  // need two for a side (one per part).
  std::vector<std::string> distinct_sides = fix_sides;
  distinct_sides.erase(std::unique(distinct_sides.begin(), distinct_sides.end()), distinct_sides.end());
  EXPECT_EQ(distinct_sides, denied) << context;
  const std::string operation = doc["operation"].as<std::string>();
  if (operation != "move_repo" && operation != "duplicate_repo") {
    EXPECT_EQ(fix_sides, denied) << context;
  }
}

TEST(ExplainJsonTest, EveryDecisionOfRandomWorldsFollowsTheSchema) {
  int documents = 0;
  for (uint32_t seed = 0; seed < 10; ++seed) {
    Fixtures fixtures = LoadFixtureTexts({{"w.yaml", WriteFixture(RandomWorld(seed, RandomWorldShape{}))}});
    ASSERT_TRUE(fixtures.ok()) << fixtures.diagnostics.Render(fixtures.files);
    const std::shared_ptr<const Snapshot> s = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
    for (const Request& r : AllRequests(*s)) {
      const Decision d = Check(*s, r);
      const std::string text = RenderExplanationJson(*s, Explain(*s, r, d));
      CheckDocument(text, d, absl::StrCat("\nseed ", seed, ":\n", text));
      if (HasFailure()) return;
      ++documents;
    }
  }
  EXPECT_GT(documents, 3000);
}

TEST(ExplainJsonTest, StringsAreEscaped) {
  // A file name with a quote, a backslash and a control character still gives valid JSON.
  Fixtures fixtures = LoadFixtureTexts({{"we\"ird\\\x01.yaml", "users: [alice]\ntokens:\n  - {name: t, owner: alice, role: read}\n"}});
  ASSERT_TRUE(fixtures.ok());
  const std::shared_ptr<const Snapshot> s = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  Request r;
  r.operation = Operation::kWhoami;
  r.token = TokenId(0);
  const std::string text = RenderExplanationJson(*s, Explain(*s, r, Check(*s, r)));
  const YAML::Node doc = YAML::Load(text);
  EXPECT_EQ(doc["token"]["at"]["file"].as<std::string>(), "we\"ird\\\x01.yaml");
}

// The schema document names every key and every enum spelling, in backquotes.
TEST(ExplainJsonTest, TheSchemaDocumentNamesEveryKeyAndSpelling) {
  const std::string doc = ReadFileOrEmpty("docs/explanation-json.md");
  ASSERT_FALSE(doc.empty());
  std::vector<std::string> missing;
  auto need = [&](absl::string_view word) {
    if (doc.find(absl::StrCat("`", word, "`")) == std::string::npos) missing.emplace_back(word);
  };
  for (const ObjectKeys* object : kAllObjects) {
    for (const std::string& key : object->keys) need(key);
  }
  for (absl::string_view n : DecisionNames<UserBasis>()) need(n);
  for (absl::string_view n : DecisionNames<UserReason>()) need(n);
  for (absl::string_view n : DecisionNames<TokenBasis>()) need(n);
  for (absl::string_view n : DecisionNames<GrantSource>()) need(n);
  for (absl::string_view n : DecisionNames<PolicyRule>()) need(n);
  for (absl::string_view n : DecisionNames<Reply>()) need(n);
  for (absl::string_view n : DecisionNames<TargetKind>()) need(n);
  for (absl::string_view n : DecisionNames<UserChangeKind>()) need(n);
  for (absl::string_view n : DecisionNames<TokenChangeKind>()) need(n);
  for (absl::string_view n : DecisionNames<PolicyChangeKind>()) need(n);
  need(kDecisionSchema);
  EXPECT_THAT(missing, ::testing::IsEmpty()) << "not in docs/explanation-json.md: " << absl::StrJoin(missing, ", ");
}

// Spellings are unique within each enum (a tool could not tell two values apart otherwise).
TEST(DecisionNamesTest, SpellingsAreDistinctAndNonEmpty) {
  auto check = [](std::vector<absl::string_view> names, const char* what) {
    std::set<absl::string_view> seen;
    for (absl::string_view n : names) {
      EXPECT_FALSE(n.empty()) << what;
      EXPECT_TRUE(seen.insert(n).second) << what << ": '" << n << "' twice";
    }
  };
  check(DecisionNames<UserBasis>(), "UserBasis");
  check(DecisionNames<UserReason>(), "UserReason");
  check(DecisionNames<TokenBasis>(), "TokenBasis");
  check(DecisionNames<GrantSource>(), "GrantSource");
  check(DecisionNames<PolicyRule>(), "PolicyRule");
  check(DecisionNames<Reply>(), "Reply");
  check(DecisionNames<TargetKind>(), "TargetKind");
  check(DecisionNames<UserChangeKind>(), "UserChangeKind");
  check(DecisionNames<TokenChangeKind>(), "TokenChangeKind");
  check(DecisionNames<PolicyChangeKind>(), "PolicyChangeKind");
}

}  // namespace
}  // namespace hubperm
