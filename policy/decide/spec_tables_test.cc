// Copyright 2026 The hubperm Authors.
//
// The spec's tables, row by row (docs/hub-access-model.md §2-5). Each table is written as the
// spec states it, one line per combination, and each line becomes a small world whose decision must match:
//   - the user side (§2-3): org role x group role x repo inside/outside a group x private/public x
//     creator or not, for reading (model_info) and writing (create_commit); and creating in the org;
//   - the token side (§4): each token role and each scoping level x the operations that need each
//     permission;
//   - the org token policy (§5): each policy x classic/fine-grained x approval state, and an admin owner.
// Rows are data: a new rule is a new line, and a failing line names itself.

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/load/fixtures.h"
#include "policy/request/method.h"
#include "policy/request/resolve.h"

namespace hubperm {
namespace {

std::shared_ptr<const Snapshot> Compile(const std::string& yaml) {
  Fixtures fixtures = LoadFixtureTexts({{"table.yaml", yaml}});
  EXPECT_TRUE(fixtures.ok()) << fixtures.diagnostics.Render(fixtures.files) << yaml;
  if (!fixtures.ok()) return nullptr;
  return Snapshot::Compile(fixtures.world, std::move(fixtures.files));
}

// Decides `method` (a huggingface_hub method) for `token`; fails the test on a bad request.
Decision Decide(const Snapshot& s, const std::string& token, const std::string& method, const TargetArgs& args,
                std::string* explanation) {
  absl::StatusOr<RequestDescription> spec = ParseMethodRequest(method, args);
  EXPECT_TRUE(spec.ok()) << spec.status();
  absl::StatusOr<ResolvedRequest> request = spec.ok() ? Resolve(s, token, *spec) : spec.status();
  EXPECT_TRUE(request.ok()) << request.status();
  if (!request.ok()) return Decision();
  const Decision d = Check(s, request->request);
  *explanation = RenderExplanation(Explain(s, *request, d));
  return d;
}

// The cells of a table line: words separated by blanks, with "|" between inputs and expectations.
std::vector<std::string> Cells(absl::string_view line) {
  return absl::StrSplit(line, absl::ByAnyChar(" |"), absl::SkipEmpty());
}

// ---------------------------------------------------------------------------------------------------
// §2-3 The user side. Token: classic write, so the user side alone decides. The answers are the Hub's
// statuses: 200, 403 (may see, may not do), 404 (may not see).

//   org role     group role  repo   private  creator  | model_info create_commit
constexpr absl::string_view kUserTable[] = {
    // A repo outside any group: the org role decides; contributors write what they created.
    "no_access    -           org    private  other    | 404 404",
    "no_access    -           org    private  self     | 404 404",
    "no_access    -           org    public   other    | 200 403",
    "no_access    -           org    public   self     | 200 403",
    "read         -           org    private  other    | 200 403",
    "read         -           org    private  self     | 200 403",
    "read         -           org    public   other    | 200 403",
    "read         -           org    public   self     | 200 403",
    "contributor  -           org    private  other    | 200 403",
    "contributor  -           org    private  self     | 200 200",
    "contributor  -           org    public   other    | 200 403",
    "contributor  -           org    public   self     | 200 200",
    "write        -           org    private  other    | 200 200",
    "write        -           org    private  self     | 200 200",
    "write        -           org    public   other    | 200 200",
    "write        -           org    public   self     | 200 200",
    "admin        -           org    private  other    | 200 200",
    "admin        -           org    private  self     | 200 200",
    "admin        -           org    public   other    | 200 200",
    "admin        -           org    public   self     | 200 200",
    // A repo in a group, no group role: the org role adds nothing but admin [assumed].
    "read         -           group  private  other    | 404 404",
    "read         -           group  public   other    | 200 403",
    "contributor  -           group  private  self     | 404 404",
    "contributor  -           group  public   self     | 200 403",
    "write        -           group  private  other    | 404 404",
    "write        -           group  public   other    | 200 403",
    "admin        -           group  private  other    | 200 200",
    "admin        -           group  public   other    | 200 200",
    // A repo in a group: the group role decides, whatever the org role below admin.
    "no_access    read        group  private  other    | 200 403",
    "no_access    read        group  private  self     | 200 403",
    "no_access    read        group  public   other    | 200 403",
    "no_access    contributor group  private  other    | 200 403",
    "no_access    contributor group  private  self     | 200 200",
    "no_access    contributor group  public   other    | 200 403",
    "no_access    contributor group  public   self     | 200 200",
    "no_access    write       group  private  other    | 200 200",
    "no_access    write       group  public   self     | 200 200",
    "no_access    admin       group  private  other    | 200 200",
    "write        read        group  private  other    | 200 403",
    "read         write       group  private  other    | 200 200",
    // A group role does not reach repos outside the group.
    "no_access    write       org    private  other    | 404 404",
    "no_access    admin       org    public   other    | 200 403",
};

struct UserRow {
  std::string org_role, group_role, place, visibility, creator;
  int model_info = 0, create_commit = 0;
};

UserRow ParseUserRow(absl::string_view line) {
  const std::vector<std::string> cells = Cells(line);
  UserRow row;
  EXPECT_EQ(cells.size(), 7u) << line;
  if (cells.size() != 7) return row;
  row.org_role = cells[0];
  row.group_role = cells[1];
  row.place = cells[2];
  row.visibility = cells[3];
  row.creator = cells[4];
  row.model_info = std::stoi(cells[5]);
  row.create_commit = std::stoi(cells[6]);
  return row;
}

std::string UserWorld(const UserRow& row) {
  std::string yaml = absl::StrCat("users: [ua, other]\norgs:\n  - name: acme\n    plan: enterprise\n",
                                  "    members: {ua: ", row.org_role, ", other: admin}\n",
                                  "    resource_groups:\n      - name: g\n");
  if (row.group_role != "-") absl::StrAppend(&yaml, "        members: {ua: ", row.group_role, "}\n");
  absl::StrAppend(&yaml, "repos:\n  - id: acme/r\n    private: ", row.visibility == "private" ? "true" : "false",
                  "\n    created_by: ", row.creator == "self" ? "ua" : "other", "\n");
  if (row.place == "group") absl::StrAppend(&yaml, "    resource_group: g\n");
  absl::StrAppend(&yaml, "tokens:\n  - {name: t, owner: ua, role: write}\n");
  return yaml;
}

class UserTableTest : public testing::TestWithParam<absl::string_view> {};

TEST_P(UserTableTest, MatchesTheSpec) {
  const UserRow row = ParseUserRow(GetParam());
  const std::shared_ptr<const Snapshot> s = Compile(UserWorld(row));
  ASSERT_NE(s, nullptr);
  TargetArgs args;
  args.repo = "acme/r";
  std::string why;
  Decision read = Decide(*s, "t", "model_info", args, &why);
  EXPECT_EQ(read.status, row.model_info) << "model_info\n" << why;
  EXPECT_TRUE(read.token.allowed) << why;  // a classic write token: only the user side may deny
  Decision write = Decide(*s, "t", "create_commit", args, &why);
  EXPECT_EQ(write.status, row.create_commit) << "create_commit\n" << why;
  EXPECT_TRUE(write.token.allowed) << why;
}

INSTANTIATE_TEST_SUITE_P(Spec, UserTableTest, testing::ValuesIn(kUserTable));

// Creating a repo in the org (§3 [assumed]): org contributor+, or group contributor+ for the group it is
// created into; naming no group, the strongest group role counts [assumed].
//   org role     group role   | into no group, into g
constexpr absl::string_view kCreateTable[] = {
    "no_access    -            | 403 403",
    "read         -            | 403 403",
    "contributor  -            | 200 200",
    "write        -            | 200 200",
    "admin        -            | 200 200",
    "no_access    read         | 403 403",
    "no_access    contributor  | 200 200",
    "no_access    write        | 200 200",
    "no_access    admin        | 200 200",
    "read         read         | 403 403",
};

class CreateTableTest : public testing::TestWithParam<absl::string_view> {};

TEST_P(CreateTableTest, MatchesTheSpec) {
  const std::vector<std::string> cells = Cells(GetParam());
  ASSERT_EQ(cells.size(), 4u);
  UserRow row;
  row.org_role = cells[0];
  row.group_role = cells[1];
  row.place = "org";
  row.visibility = "private";
  const std::shared_ptr<const Snapshot> s = Compile(UserWorld(row));
  ASSERT_NE(s, nullptr);
  TargetArgs args;
  args.repo = "acme/new";
  std::string why;
  EXPECT_EQ(Decide(*s, "t", "create_repo", args, &why).status, std::stoi(cells[2])) << why;
  args.group = "g";
  EXPECT_EQ(Decide(*s, "t", "create_repo", args, &why).status, std::stoi(cells[3])) << why;
}

INSTANTIATE_TEST_SUITE_P(Spec, CreateTableTest, testing::ValuesIn(kCreateTable));

// ---------------------------------------------------------------------------------------------------
// §4 The token side. The owner ua has org role write in acme and group role write in g, so the user side
// allows every request below; each token's own permissions decide. A allow, D deny.

constexpr char kTokenWorld[] = R"(users: [ua]
orgs:
  - name: acme
    plan: enterprise
    members: {ua: write}
    resource_groups:
      - name: g
        members: {ua: write}
repos:
  - {id: acme/plain, private: true}
  - {id: acme/grouped, private: true, resource_group: g}
  - {id: acme/public}
  - {id: acme/gated, gated: manual}
  - {id: ua/own, private: true}
tokens:
  - {name: read, owner: ua, role: read}
  - {name: write, owner: ua, role: write}
  - {name: fg-none, owner: ua, role: fineGrained}
  - {name: fg-global, owner: ua, role: fineGrained, global: [discussion.write]}
  - {name: fg-gated, owner: ua, role: fineGrained, can_read_gated_repos: true}
  - name: fg-user
    owner: ua
    role: fineGrained
    scoped: [{entity: {type: user, name: ua}, permissions: [repo.content.read, repo.write]}]
  - name: fg-org-read
    owner: ua
    role: fineGrained
    scoped: [{entity: {type: org, name: acme}, permissions: [repo.content.read]}]
  - name: fg-org-write
    owner: ua
    role: fineGrained
    scoped: [{entity: {type: org, name: acme}, permissions: [repo.write]}]
  - name: fg-org-members
    owner: ua
    role: fineGrained
    scoped: [{entity: {type: org, name: acme}, permissions: [org.read]}]
  - name: fg-group
    owner: ua
    role: fineGrained
    scoped: [{entity: {type: resource-group, name: g}, permissions: [repo.content.read, repo.write]}]
  - name: fg-repo
    owner: ua
    role: fineGrained
    scoped: [{entity: {type: model, name: acme/plain}, permissions: [repo.content.read, repo.write]}]
  - name: fg-override
    owner: ua
    role: fineGrained
    scoped:
      - {entity: {type: org, name: acme}, permissions: [repo.content.read, repo.write]}
      - {entity: {type: model, name: acme/plain}, permissions: [repo.content.read]}
)";

struct Column {
  const char* label;
  const char* method;
  const char* repo;
  const char* org;
  const char* group;
};
constexpr Column kTokenColumns[] = {
    {"download acme/plain", "hf_hub_download", "acme/plain", "", ""},
    {"download acme/grouped", "hf_hub_download", "acme/grouped", "", ""},
    {"download acme/public", "hf_hub_download", "acme/public", "", ""},
    {"download acme/gated", "hf_hub_download", "acme/gated", "", ""},
    {"commit acme/plain", "create_commit", "acme/plain", "", ""},
    {"commit acme/grouped", "create_commit", "acme/grouped", "", ""},
    {"commit ua/own", "create_commit", "ua/own", "", ""},
    {"create in acme", "create_repo", "acme/new", "", ""},
    {"create in acme into g", "create_repo", "acme/new", "", "g"},
    {"discussion on acme/plain", "create_discussion", "acme/plain", "", ""},
    {"list acme's members", "list_organization_members", "", "acme", ""},
};

//   token            dl:plain grouped public gated  commit:plain grouped own  create:org g  discuss  members
constexpr absl::string_view kTokenTable[] = {
    "read             A A A A  D D D  D D  D  A",
    "write            A A A A  A A A  A A  A  A",
    "fg-none          D D A D  D D D  D D  D  D",
    "fg-global        D D A D  D D D  D D  A  D",
    "fg-gated         D D A A  D D D  D D  D  D",
    "fg-user          D D A D  D D A  D D  D  D",
    "fg-org-read      A A A A  D D D  D D  D  D",
    "fg-org-write     D D A D  A A D  A A  D  D",
    "fg-org-members   D D A D  D D D  D D  D  A",
    "fg-group         D A A D  D A D  D A  D  D",
    "fg-repo          A D A D  A D D  D D  D  D",
    "fg-override      A A A A  D A D  A A  D  D",
};

class TokenTableTest : public testing::TestWithParam<absl::string_view> {};

TEST_P(TokenTableTest, MatchesTheSpec) {
  static const std::shared_ptr<const Snapshot> s = Compile(kTokenWorld);
  ASSERT_NE(s, nullptr);
  const std::vector<std::string> cells = Cells(GetParam());
  ASSERT_EQ(cells.size(), 1 + std::size(kTokenColumns)) << GetParam();
  for (size_t i = 0; i < std::size(kTokenColumns); ++i) {
    const Column& c = kTokenColumns[i];
    TargetArgs args;
    args.repo = c.repo;
    args.org = c.org;
    args.group = c.group;
    std::string why;
    const Decision d = Decide(*s, cells[0], c.method, args, &why);
    EXPECT_TRUE(d.user.allowed) << c.label << ": the user side must allow\n" << why;
    EXPECT_EQ(d.allowed ? "A" : "D", cells[1 + i]) << cells[0] << ", " << c.label << "\n" << why;
  }
}

INSTANTIATE_TEST_SUITE_P(Spec, TokenTableTest, testing::ValuesIn(kTokenTable));

// ---------------------------------------------------------------------------------------------------
// §5 The org token policy. The owner has org role write (or admin), the fine-grained token an org scope
// with what create_commit needs, so only the policy may deny. "-" is no approval recorded. The last
// column is A (allowed) or the Hub's answer to the denial: `approval` (the approval message), `revoked`
// (the revoked message) or `classic` (the classic-token refusal, no documented message).

//   policy             token        approval       owner | create_commit
constexpr absl::string_view kPolicyTable[] = {
    "allow_all          classic      -              write | A",
    "allow_all          classic      approved       write | A",
    "allow_all          classic      pending        write | A",
    "allow_all          classic      denied         write | A",
    "allow_all          classic      revoked        write | revoked",
    "allow_all          fineGrained  -              write | A",
    "allow_all          fineGrained  pending        write | A",
    "allow_all          fineGrained  revoked        write | revoked",
    "fine_grained_only  classic      -              write | classic",
    "fine_grained_only  classic      approved       write | classic",
    "fine_grained_only  classic      revoked        write | revoked",
    "fine_grained_only  fineGrained  -              write | A",
    "fine_grained_only  fineGrained  approved       write | A",
    "fine_grained_only  fineGrained  pending        write | A",
    "fine_grained_only  fineGrained  revoked        write | revoked",
    // Classic tokens are "Unauthorized" under require_approval too [doc, November 2026].
    "require_approval   classic      -              write | classic",
    "require_approval   classic      approved       write | classic",
    "require_approval   classic      pending        write | classic",
    "require_approval   classic      revoked        write | classic",
    "require_approval   classic      -              admin | classic",
    "require_approval   fineGrained  -              write | approval",
    "require_approval   fineGrained  approved       write | A",
    "require_approval   fineGrained  auto_approved  write | A",
    "require_approval   fineGrained  pending        write | approval",
    "require_approval   fineGrained  denied         write | approval",
    // Under require_approval, the approval check catches a revoked token first [doc, November 2026].
    "require_approval   fineGrained  revoked        write | approval",
    // Auto-approval is recorded (the creator's role then), not the owner's role today [doc, November 2026].
    "require_approval   fineGrained  -              admin | approval",
    "require_approval   fineGrained  pending        admin | approval",
    "require_approval   fineGrained  auto_approved  admin | A",
    "require_approval   fineGrained  revoked        admin | approval",
};

class PolicyTableTest : public testing::TestWithParam<absl::string_view> {};

TEST_P(PolicyTableTest, MatchesTheSpec) {
  const std::vector<std::string> cells = Cells(GetParam());
  ASSERT_EQ(cells.size(), 5u) << GetParam();
  const bool classic = cells[1] == "classic";
  std::string yaml = absl::StrCat("users: [ua]\norgs:\n  - name: acme\n    plan: enterprise\n    token_policy: ", cells[0],
                                  "\n    members: {ua: ", cells[3], "}\nrepos:\n  - {id: acme/r, private: true}\n",
                                  "tokens:\n  - name: t\n    owner: ua\n    role: ", classic ? "write" : "fineGrained", "\n");
  if (!classic) {
    absl::StrAppend(&yaml, "    scoped: [{entity: {type: org, name: acme}, permissions: [repo.content.read, repo.write]}]\n");
  }
  if (cells[2] != "-") absl::StrAppend(&yaml, "    org_status: {acme: ", cells[2], "}\n");
  const std::shared_ptr<const Snapshot> s = Compile(yaml);
  ASSERT_NE(s, nullptr);
  TargetArgs args;
  args.repo = "acme/r";
  std::string why;
  const Decision d = Decide(*s, "t", "create_commit", args, &why);
  EXPECT_TRUE(d.user.allowed && d.token.allowed) << why;
  const absl::string_view reply = d.allowed                          ? "A"
                                  : d.reply == Reply::kPolicyApproval ? "approval"
                                  : d.reply == Reply::kPolicyRevoked  ? "revoked"
                                  : d.reply == Reply::kPolicyClassic  ? "classic"
                                                                      : "other";
  EXPECT_EQ(reply, cells[4]) << why;
  if (!d.allowed) {
    EXPECT_EQ(d.status, 403) << why;
  }
}

INSTANTIATE_TEST_SUITE_P(Spec, PolicyTableTest, testing::ValuesIn(kPolicyTable));

}  // namespace
}  // namespace hubperm
