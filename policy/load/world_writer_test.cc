// Copyright 2026 The hubperm Authors.
//
// Round trips: fixture -> World -> WriteFixture -> World gives the same world, for the founding scenario
// and every spec world in testdata/ (every key the format has appears in them).

#include "policy/load/world_writer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

Fixtures LoadWritten(const std::string& text) { return LoadFixtureTexts({{"written.yaml", text}}); }

// The facts of a world, positions left out, one per line: what a round trip must keep.
std::string Facts(const World& w) {
  std::string out;
  auto add = [&](const std::string& s) { out += s + "\n"; };
  for (const Name& u : w.users) add("user " + u.text);
  for (const Org& o : w.orgs) {
    add("org " + o.name.text + " " + std::string(NameOf(o.plan)) + " " + std::string(NameOf(o.token_policy)));
    for (const auto& m : o.members) add("  member " + m.user.text + " " + std::string(NameOf(m.role)));
    for (const ResourceGroup& g : o.resource_groups) {
      add("  group " + g.name.text);
      for (const auto& m : g.members) add("    member " + m.user.text + " " + std::string(NameOf(m.role)));
      if (g.auto_join) {
        add("    auto_join " + std::string(NameOf(g.auto_join->role)) + " " + std::string(NameOf(g.auto_join->scope)));
      }
    }
  }
  for (const Repo& r : w.repos) {
    add("repo " + r.id.text + " " + std::string(NameOf(r.type)) + (r.is_private ? " private " : " public ") +
        std::string(NameOf(r.gated)) + " by:" + (r.created_by ? r.created_by->text : "-") +
        " group:" + (r.resource_group ? r.resource_group->text : "-"));
    for (const Name& u : r.access_granted) add("  granted " + u.text);
  }
  for (const Token& t : w.tokens) {
    add("token " + t.name.text + " " + t.owner.text + " " + std::string(NameOf(t.role)) +
        (t.can_read_gated_repos ? " gated" : ""));
    for (const PermissionEntry& p : t.global) add("  global " + p.text.text + (p.permission ? "" : " (unknown)"));
    for (const Scope& s : t.scoped) {
      add("  scope " + std::string(NameOf(s.type)) + " " + s.entity.text);
      for (const PermissionEntry& p : s.permissions) add("    " + p.text.text);
    }
    for (const OrgApproval& a : t.org_status) add("  status " + a.org.text + " " + std::string(NameOf(a.status)));
    for (const Case& p : t.purpose) {
      add("  purpose " + (p.operation ? p.operation->text : "") + (p.http ? p.http->text : "") +
          (p.permission ? p.permission->text : ""));
      for (const Name& r : p.repos) add("    repo " + r.text);
      if (p.repo_type) add("    repo_type " + std::string(NameOf(*p.repo_type)));
    }
  }
  for (const Case& c : w.cases) {
    add("case " + c.name.text + " " + std::string(NameOf(c.expect)));
    for (const Name& t : c.tokens) add("  token " + t.text);
    if (c.http) add("  http " + c.http->text);
    for (const BodyField& f : c.body) add("  body " + f.key.text + "=" + f.value.text);
    if (c.operation) add("  operation " + c.operation->text);
    if (c.permission) add("  permission " + c.permission->text);
    for (const Name& r : c.repos) add("  repo " + r.text);
    if (c.repo_type) add("  repo_type " + std::string(NameOf(*c.repo_type)));
    if (c.org) add("  org " + c.org->text);
    if (c.user) add("  user " + c.user->text);
    if (c.group) add("  group " + c.group->text);
    if (c.to) add("  to " + c.to->text);
    if (c.matrix) {
      std::string columns = "  matrix " + std::string(NameOf(c.matrix->axis));
      for (const Name& column : c.matrix->columns) columns += " " + column.text;
      add(columns);
      for (const CaseMatrix::Row& row : c.matrix->rows) {
        std::string cells = "    row " + row.token.text;
        for (const MatrixCell& cell : row.cells) {
          cells += " " + (cell.status ? std::to_string(*cell.status) : std::string(NameOf(cell.expect)));
        }
        add(cells);
      }
    }
    if (c.status) add("  status " + std::to_string(*c.status));
    for (Side s : c.denied_by) add("  denied_by " + std::string(NameOf(s)));
    if (c.because) add("  because " + c.because->text);
  }
  const Assumptions& a = w.assumptions;
  add("assumptions " + std::to_string(a.org_role_applies_in_groups) + std::to_string(a.repo_write_implies_read) +
      std::to_string(a.hide_private_repo_from_token) + std::to_string(a.repo_scope_overrides_namespace_scope));
  return out;
}

void ExpectRoundTrip(const std::vector<std::string>& paths) {
  const Fixtures original = LoadFixtures(paths);
  ASSERT_TRUE(original.ok()) << original.diagnostics.Render(original.files);
  const std::string written = WriteFixture(original.world);

  const Fixtures reloaded = LoadWritten(written);
  ASSERT_TRUE(reloaded.ok()) << reloaded.diagnostics.Render(reloaded.files) << written;
  EXPECT_EQ(reloaded.diagnostics.warning_count(), original.diagnostics.warning_count()) << written;
  EXPECT_EQ(Facts(reloaded.world), Facts(original.world)) << written;
  EXPECT_EQ(WriteFixture(reloaded.world), written);  // writing is a fixpoint
}

TEST(WriteFixture, RoundTripsTheFoundingScenario) {
  ExpectRoundTrip({"testdata/founding/world.yaml"});
}

TEST(WriteFixture, RoundTripsTheSpecWorldWithEveryKey) {
  ExpectRoundTrip({"testdata/spec/world.yaml", "testdata/spec/user_side.yaml", "testdata/spec/token_side.yaml",
                   "testdata/spec/policy.yaml", "testdata/spec/evidence.yaml"});
}

// A token's purpose (policy/mint/purpose_findings.h) is written back as its requests.
TEST(WriteFixture, RoundTripsTokenPurposes) {
  ExpectRoundTrip({"testdata/audit/purpose.yaml"});
  const std::string written = WriteFixture(LoadFixtures({"testdata/audit/purpose.yaml"}).world);
  EXPECT_NE(written.find("    purpose:\n      - {operation: upload_folder, repo: acme/model}\n"), std::string::npos) << written;
}

TEST(WriteFixture, WritesWhatAPersonWouldAndOmitsDefaults) {
  const std::string written = WriteFixture(LoadFixtures({"testdata/founding/world.yaml"}).world);
  EXPECT_THAT(written, HasSubstr("users: [alice]\n"));
  EXPECT_THAT(written, HasSubstr("members: {alice: read}"));
  // No `type: model` (the default) between the id and `private`.
  EXPECT_THAT(written, HasSubstr("  - id: acme/token-test-model\n    private: true\n"));
  EXPECT_THAT(written, ::testing::Not(HasSubstr("assumptions")));    // all defaults
}

TEST(WriteFixture, QuotesValuesThatWouldReadBackAsSomethingElse) {
  // Token names are free text (policy/model/names.h): YAML would read these back as a bool, a number,
  // null, an alias and a mapping unless they are quoted.
  World w;
  w.users = {{"alice", {}}};
  for (const char* name : {"true", "123", "null", "*star", "a: b"}) {
    Token token;
    token.name = Name{name, {}};
    token.owner = Name{"alice", {}};
    token.role = TokenRole::kRead;
    w.tokens.push_back(token);
  }
  const std::string written = WriteFixture(w);
  const Fixtures l = LoadWritten(written);
  ASSERT_TRUE(l.ok()) << l.diagnostics.Render(l.files) << written;
  ASSERT_EQ(l.world.tokens.size(), 5u) << written;
  EXPECT_EQ(Facts(l.world), Facts(w)) << written;
}

TEST(WriteFixture, AnEmptyWorldIsAnEmptyFile) { EXPECT_EQ(WriteFixture(World()), ""); }

}  // namespace
}  // namespace hubperm
