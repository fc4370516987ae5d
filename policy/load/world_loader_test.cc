// Copyright 2026 The hubperm Authors.

#include "policy/load/world_loader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

// Loads `texts` as files a.yaml, b.yaml, ... and validates the merged world.
Fixtures Load(const std::vector<std::string>& texts) {
  std::vector<std::pair<std::string, std::string>> named;
  char name = 'a';
  for (const std::string& text : texts) named.emplace_back(std::string(1, name++) + ".yaml", text);
  return LoadFixtureTexts(std::move(named));
}

// Each issue as "file:line:col: severity: message", in the order they are rendered.
std::vector<std::string> IssueLines(const Fixtures& loaded) {
  std::vector<std::string> lines;
  std::string rendered = loaded.diagnostics.Render(loaded.files);
  size_t start = 0;
  while (start < rendered.size()) {
    size_t end = rendered.find('\n', start);
    std::string line = rendered.substr(start, end - start);
    if (!line.empty() && line[0] != ' ') lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// A world the rule cases below extend: two users, an enterprise org with a group, repos, a token.
constexpr char kBase[] = R"(users: [alice, bob]
orgs:
  - name: acme
    plan: enterprise
    members: {alice: read, bob: no_access}
    resource_groups:
      - name: g
        members: {alice: write}
repos:
  - id: acme/m
    resource_group: g
tokens:
  - name: t
    owner: alice
    role: fineGrained
)";

struct RuleCase {
  std::string name;
  std::vector<std::string> files;  // b.yaml onward; a.yaml is kBase unless the first starts with "!"
  std::vector<std::string> expected;
};

class LoaderRuleTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(LoaderRuleTest, ReportsExactlyTheseIssues) {
  const RuleCase& c = GetParam();
  std::vector<std::string> files;
  if (c.files.empty() || c.files[0].rfind("!", 0) != 0) {
    files.push_back(kBase);
    files.insert(files.end(), c.files.begin(), c.files.end());
  } else {
    files.push_back(c.files[0].substr(1));
    files.insert(files.end(), c.files.begin() + 1, c.files.end());
  }
  const Fixtures loaded = Load(files);
  EXPECT_THAT(IssueLines(loaded), ElementsAreArray(c.expected)) << loaded.diagnostics.Render(loaded.files);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, LoaderRuleTest,
    ::testing::Values(
        RuleCase{"BaseIsValid", {}, {}},
        RuleCase{"YamlSyntax", {"!users: [alice\n"}, {"a.yaml:2:1: error: YAML syntax: end of sequence flow not found"}},
        RuleCase{"UnknownTopLevelKey",
                 {"tokns: []\n"},
                 {"b.yaml:1:1: error: unknown key 'tokns' in the top level; did you mean 'tokens'? (valid: users, "
                  "orgs, repos, tokens, cases, assumptions)"}},
        RuleCase{"UnknownNestedKeyWithoutSuggestion",
                 {"repos:\n  - id: acme/x\n    colour: blue\n"},
                 {"b.yaml:3:5: error: unknown key 'colour' in a repo (valid: id, type, private, gated, "
                  "access_granted, access_requests, created_by, created_by_token, resource_group)"}},
        RuleCase{"DuplicateKey",
                 {"repos:\n  - id: acme/x\n    private: true\n    private: false\n"},
                 {"b.yaml:4:5: error: duplicate key 'private' in a repo; first at line 3"}},
        RuleCase{"WrongKinds",
                 {"users: carol\norgs: {name: x}\n"},
                 {"b.yaml:1:8: error: 'users' must be a sequence, not a scalar",
                  "b.yaml:2:7: error: 'orgs' must be a sequence, not a mapping"}},
        RuleCase{"WrongBoolean",
                 {"repos:\n  - id: acme/x\n    private: yes\n"},
                 {"b.yaml:3:14: error: 'private' must be true or false, not 'yes'"}},
        RuleCase{"UnknownEnumValues",
                 {"orgs:\n  - name: beta\n    plan: pro\n    members: {alice: wirte}\nrepos:\n  - id: beta/x\n"
                  "    type: modle\n    gated: true\n"},
                 {"b.yaml:3:11: error: unknown plan 'pro' (valid: free, team, enterprise)",
                  "b.yaml:4:22: error: unknown org role 'wirte'; did you mean 'write'? (valid: no_access, read, "
                  "contributor, write, admin)",
                  "b.yaml:7:11: error: unknown repo type 'modle'; did you mean 'model'? (valid: model, dataset, "
                  "space)",
                  "b.yaml:8:12: error: unknown gating 'true' (valid: false, auto, manual)"}},
        RuleCase{"MissingRequiredKeys",
                 {"orgs:\n  - plan: team\nrepos:\n  - private: true\ntokens:\n  - name: u\n"},
                 {"b.yaml:2:5: error: an org is missing 'name'", "b.yaml:4:5: error: a repo is missing 'id'",
                  "b.yaml:6:5: error: token 'u' is missing 'owner'", "b.yaml:6:5: error: token 'u' is missing 'role'"}},
        RuleCase{"BadRepoId",
                 {"repos:\n  - id: just-a-name\n  - id: a/b/c\n"},
                 {"b.yaml:2:9: error: repo id 'just-a-name' must be namespace/name",
                  "b.yaml:3:9: error: repo id 'a/b/c' must be namespace/name"}},
        RuleCase{"DefinedTwiceAcrossFiles",
                 {"users: [alice]\ntokens:\n  - name: t\n    owner: bob\n    role: read\n"},
                 {"b.yaml:1:9: error: user 'alice' is defined twice; first at a.yaml:1:9",
                  "b.yaml:3:11: error: token 't' is defined twice; first at a.yaml:13:11"}},
        RuleCase{"UserAndOrgShareANamespace",
                 {"orgs:\n  - name: bob\n"},
                 {"b.yaml:2:11: error: org 'bob' has the name of a user; users and orgs share one namespace"}},
        RuleCase{"UndeclaredReferences",
                 {"repos:\n  - id: carol/x\n    created_by: alcie\n  - id: acme/y\n    resource_group: gg\n"},
                 {"b.yaml:2:9: error: repo 'carol/x': namespace 'carol' is neither a declared user nor an org",
                  "b.yaml:3:17: error: in repo 'carol/x': unknown user 'alcie'; did you mean 'alice'?",
                  "b.yaml:5:21: error: in repo 'acme/y': unknown resource group 'gg'; did you mean 'g'?"}},
        RuleCase{"RepoInAGroupOfAnotherOrg",
                 {"orgs:\n  - name: beta\n    plan: team\nrepos:\n  - id: beta/x\n    resource_group: g\n"},
                 {"b.yaml:6:21: error: repo 'beta/x' cannot be in resource group 'g': the group belongs to org "
                  "'acme', the repo to namespace 'beta'"}},
        RuleCase{"GroupMemberNotInOrg",
                 {"!users: [alice, bob]\norgs:\n  - name: acme\n    plan: team\n    members: {alice: read}\n"
                  "    resource_groups:\n      - name: g\n        members: {bob: read}\n"},
                 {"a.yaml:8:19: error: 'bob' is in resource group 'g' but not a member of org 'acme'; add them to "
                  "the org's members (no_access is enough)"}},
        RuleCase{"AccessGrantedOnlyOnGatedRepos",
                 {"repos:\n  - id: acme/x\n    access_granted: [bob]\n  - id: acme/y\n    gated: manual\n"
                  "    access_granted: [bob]\n"},
                 {"b.yaml:3:22: error: repo 'acme/x' is not gated; 'access_granted' is only for gated repos (gated: "
                  "auto or manual)"}},
        RuleCase{"FreePlanHasNoGroupsOrPolicies",
                 {"!users: [alice]\norgs:\n  - name: acme\n    token_policy: fine_grained_only\n"
                  "    resource_groups:\n      - name: g\n"},
                 {"a.yaml:4:19: error: org 'acme' is on the free plan; token policies need plan team or enterprise",
                  "a.yaml:6:15: error: org 'acme' is on the free plan; resource groups need plan team or enterprise"}},
        RuleCase{"OneScopePerEntity",
                 {"tokens:\n  - name: u\n    owner: alice\n    role: fineGrained\n    scoped:\n"
                  "      - {entity: {type: org, name: acme}, permissions: [repo.write]}\n"
                  "      - {entity: {type: model, name: acme/m}, permissions: [repo.write]}\n"
                  "      - {entity: {type: org, name: acme}, permissions: [org.read]}\n"
                  "      - {entity: {type: model, name: acme/m}, permissions: []}\n"},
                 {"b.yaml:8:36: error: token 'u' scopes org 'acme' twice; first at b.yaml:6:36; list all its "
                  "permissions in one entry",
                  "b.yaml:9:38: error: token 'u' scopes model 'acme/m' twice; first at b.yaml:7:38; list all its "
                  "permissions in one entry"}},
        RuleCase{"ScopesNameExistingEntitiesAndTheOwner",
                 {"tokens:\n  - name: u\n    owner: alice\n    role: fineGrained\n    scoped:\n"
                  "      - entity: {type: user, name: bob}\n        permissions: [repo.write]\n"
                  "      - entity: {type: dataset, name: acme/m}\n        permissions: [repo.write]\n"
                  "      - entity: {type: org, name: acme}\n        permissions: [repo.write]\n"
                  "      - entity: {type: resource-group, name: g}\n        permissions: [resourceGroup.write]\n"},
                 {"b.yaml:6:36: error: a token can scope only its owner's namespace: 'bob' is not 'alice'",
                  "b.yaml:8:39: error: in token 'u': unknown dataset 'acme/m'; 'acme/m' is a model"}},
        RuleCase{"PermissionStrings",
                 {"tokens:\n  - name: u\n    owner: alice\n    role: fineGrained\n"
                  "    global: [discussion.write, repo.write, post.wirte]\n    scoped:\n"
                  "      - entity: {type: org, name: acme}\n        permissions: [user.billing.read, job.write]\n"
                  "      - entity: {type: bucket, name: acme/b}\n        permissions: [repo.write]\n"},
                 {"b.yaml:5:32: error: 'repo.write' cannot be global; 'global' may hold only discussion.write and "
                  "post.write; scope it to an entity",
                  "b.yaml:5:44: warning: unknown permission 'post.wirte' grants nothing hubperm models (kept: the Hub "
                  "adds permissions over time); did you mean 'post.write'?",
                  "b.yaml:8:23: warning: 'user.billing.read' is not known to apply when scoped to org 'acme'; it "
                  "grants nothing there",
                  "b.yaml:9:24: warning: scopes on bucket entities are loaded but grant nothing hubperm models"}},
        RuleCase{"TokenRoles",
                 {"tokens:\n  - name: u\n    owner: alice\n    role: god\n  - name: v\n    owner: alice\n"
                  "    role: write\n    scoped: []\n"},
                 {"b.yaml:4:11: error: token role 'god' is internal to the Hub; hubperm does not model it",
                  "b.yaml:8:13: error: 'scoped' is only for fineGrained tokens; token 'v' is a write token"}},
        RuleCase{"OrgStatus",
                 {"tokens:\n  - name: u\n    owner: alice\n    role: read\n    org_status: {acme: pending, "
                  "acne: approved, acme2: maybe}\n"},
                 {"b.yaml:5:33: error: in token 'u': unknown org 'acne'; did you mean 'acme'?",
                  "b.yaml:5:56: error: unknown approval status 'maybe' (valid: approved, pending, denied, revoked, auto_approved)"}},
        RuleCase{"CaseShapes",
                 {"cases:\n  - name: c1\n    token: t\n    http: GET /api/whoami-v2\n    permission: repo.write\n"
                  "    expect: allow\n  - name: c2\n    token: tt\n    operation: model_info\n    repo: acme/mm\n"
                  "    expect: maybe\n    status: 700\n  - name: c3\n    tokens: [t]\n    permission: org.read\n"
                  "    org: acme\n    expect: allow\n    denied_by: token\n  - name: c4\n    token: t\n"
                  "    operation: model_info\n    repo: acme/m\n"},
                 {"b.yaml:2:5: error: case 'c1' names more than one request: give exactly one of 'http', "
                  "'operation', 'permission' or 'from_error'",
                  "b.yaml:11:13: error: unknown expectation 'maybe' (valid: allow, deny)",
                  "b.yaml:12:13: error: 'status' must be an HTTP status (100-599), not 700",
                  "b.yaml:18:16: error: case 'c3' expects allow; 'denied_by' goes with 'expect: deny'",
                  "b.yaml:19:5: error: case 'c4' is missing 'expect'"}},
        RuleCase{"CaseTargets",
                 {"cases:\n  - {name: c1, token: t, permission: resourceGroup.write, group: gg, expect: allow}\n"
                  "  - {name: c2, token: t, permission: repo.write, user: alcie, expect: deny}\n"},
                 // Names in a case are resolved case by case (policy/cases/case_runner_test), not here.
                 {}},
        RuleCase{"MatrixIsValid",
                 {"cases:\n  - name: m\n    operation: model_info\n    matrix:\n      repos: [acme/m]\n"
                  "      expect:\n        t: [403]\n  - name: n\n    repo: acme/m\n"
                  "    matrix: {operations: [model_info, create_commit], expect: {t: [allow, deny]}}\n"},
                 {}},
        RuleCase{"MatrixShapes",
                 {"cases:\n  - name: m1\n    token: t\n    operation: model_info\n    repo: acme/m\n"
                  "    expect: allow\n    matrix:\n      repos: [acme/m, acme/m, acme/x]\n      expect:\n"
                  "        t: [allow, maybe, 999]\n        tt: [deny]\n        t: [deny, deny, deny]\n"
                  "  - name: m2\n    repo: acme/m\n"
                  "    matrix: {operations: [model_info], permissions: [repo.write], expect: {t: [allow]}}\n"
                  "  - name: m3\n    http: GET /api/models/acme/m\n"
                  "    matrix: {repos: [acme/m], expect: {t: allow}, colour: red}\n"
                  "  - name: m4\n    operation: model_info\n    matrix: {repos: [], expect: {}}\n"
                  "  - {name: m5, repos: [acme/m], matrix: {operations: [model_info], expect: {t: [allow]}}}\n"},
                 {"b.yaml:3:12: error: case 'm1' has a matrix, whose rows name the tokens; drop 'token'",
                  "b.yaml:5:11: error: case 'm1' has a matrix of repos, whose columns name the repos; drop 'repo'",
                  "b.yaml:6:13: error: case 'm1' has a matrix, whose cells are its expectations; drop 'expect' (a "
                  "cell is allow, deny or an HTTP status)",
                  "b.yaml:8:23: error: 'acme/m' is twice among the matrix's repos; first at 8:15",
                  "b.yaml:10:20: error: a matrix cell must be allow, deny or an HTTP status, not 'maybe'",
                  "b.yaml:10:27: error: a matrix cell's status must be an HTTP status (100-599), not 999",
                  "b.yaml:11:13: error: the matrix row of token 'tt' has 1 cell for 3 columns of repos; give one per column",
                  "b.yaml:12:9: error: token 't' has two rows in the matrix; first at line 10",
                  "b.yaml:15:13: error: 'matrix' needs exactly one of 'repos', 'operations' or 'permissions' for its "
                  "columns, not 2",
                  "b.yaml:17:11: error: case 'm3' has a matrix of repos, which goes with 'operation' or "
                  "'permission': an 'http' request names its repo in its path",
                  "b.yaml:18:43: error: the matrix row of token 't' must be a sequence of allow, deny or HTTP "
                  "statuses, not a scalar",
                  "b.yaml:18:51: error: unknown key 'colour' in 'matrix' (valid: repos, operations, permissions, "
                  "expect)",
                  "b.yaml:21:21: error: the matrix's 'repos' is empty",
                  "b.yaml:21:33: error: the matrix's 'expect' has no rows",
                  "b.yaml:22:23: error: case 'm5' has a matrix of operations, asked on one 'repo'; for several "
                  "repos, make a matrix of repos"}},
        // A row that is not a sequence is a shape error (its unknown token is the case runner's to report).
        RuleCase{"MatrixRowNotASequenceOfAnUnknownToken",
                 {"cases:\n  - {name: m, operation: model_info, matrix: {repos: [acme/m], expect: {ghost: deny}}}\n"},
                 {"b.yaml:2:80: error: the matrix row of token 'ghost' must be a sequence of allow, deny or HTTP "
                  "statuses, not a scalar"}},
        RuleCase{"Assumptions",
                 {"assumptions:\n  repo_write_implies_read: true\n  hide_private_repos: false\n"},
                 {"b.yaml:3:3: error: unknown key 'hide_private_repos' in 'assumptions' (valid: org_role_applies_in_groups, repo_write_implies_read, "
                  "hide_private_repo_from_token, repo_scope_overrides_namespace_scope, contributor_permission)"}},
        // The contributor permission's spelling (§4b) is the world's, wherever the switch is written: the
        // switched string is known, the default one no longer is.
        RuleCase{"ContributorPermissionSpelling",
                 {"tokens:\n  - name: c\n    owner: alice\n    role: fineGrained\n    scoped:\n"
                  "      - {entity: {type: org, name: acme}, permissions: [repo.contributor, repo.contribute]}\n",
                  "assumptions: {contributor_permission: repo.contributor}\n"},
                 {"b.yaml:6:75: warning: unknown permission 'repo.contribute' grants nothing hubperm models (kept: "
                  "the Hub adds permissions over time); did you mean 'repo.contributor'?"}},
        RuleCase{"ContributorPermissionIsNotGlobal",
                 {"tokens:\n  - {name: c, owner: alice, role: fineGrained, global: [repo.contribute]}\n"},
                 {"b.yaml:2:57: error: 'repo.contribute' cannot be global; 'global' may hold only discussion.write "
                  "and post.write; scope it to an entity"}},
        RuleCase{"EmptyFile", {""}, {"b.yaml: warning: the file is empty"}},
        RuleCase{"NotAMapping", {"- a\n- b\n"}, {"b.yaml:1:1: error: a fixture file must be a mapping, not a sequence"}}),
    [](const ::testing::TestParamInfo<RuleCase>& info) { return info.param.name; });

// The founding scenario (hub-access-model §8) loads without issues and holds what the file says.
TEST(WorldLoader, LoadsTheFoundingScenario) {
  const Fixtures loaded = LoadFixtures({"testdata/founding/world.yaml"});
  EXPECT_THAT(loaded.read_errors, IsEmpty());
  EXPECT_THAT(loaded.diagnostics.issues(), IsEmpty()) << loaded.diagnostics.Render(loaded.files);

  const World& w = loaded.world;
  ASSERT_EQ(w.users.size(), 1u);
  EXPECT_EQ(w.users[0].text, "alice");
  ASSERT_EQ(w.orgs.size(), 1u);
  const Org& acme = w.orgs[0];
  EXPECT_EQ(acme.name.text, "acme");
  EXPECT_EQ(acme.plan, OrgPlan::kEnterprise);
  EXPECT_EQ(acme.token_policy, TokenPolicy::kAllowAll);
  ASSERT_EQ(acme.members.size(), 1u);
  EXPECT_EQ(acme.members[0].user.text, "alice");
  EXPECT_EQ(acme.members[0].role, OrgRole::kRead);
  ASSERT_EQ(acme.resource_groups.size(), 1u);
  const ResourceGroup& group = acme.resource_groups[0];
  EXPECT_EQ(group.name.text, "token-test-group");
  ASSERT_EQ(group.members.size(), 1u);
  EXPECT_EQ(group.members[0].role, GroupRole::kWrite);
  EXPECT_EQ(loaded.files.Format(group.members[0].role_pos), "testdata/founding/world.yaml:12:26");

  ASSERT_EQ(w.repos.size(), 1u);
  const Repo& model = w.repos[0];
  EXPECT_EQ(model.id.text, "acme/token-test-model");
  EXPECT_EQ(model.ns(), "acme");
  EXPECT_EQ(model.type, RepoType::kModel);
  EXPECT_TRUE(model.is_private);
  EXPECT_EQ(model.gated, Gating::kNone);
  ASSERT_TRUE(model.resource_group.has_value());
  EXPECT_EQ(model.resource_group->text, "token-test-group");

  ASSERT_EQ(w.tokens.size(), 1u);
  const Token& token = w.tokens[0];
  EXPECT_EQ(token.name.text, "limited-test-token");
  EXPECT_EQ(token.owner.text, "alice");
  EXPECT_EQ(token.role, TokenRole::kFineGrained);
  EXPECT_FALSE(token.can_read_gated_repos);
  EXPECT_THAT(token.global, IsEmpty());
  EXPECT_THAT(token.scoped, IsEmpty());

  ASSERT_EQ(w.cases.size(), 4u);
  const Case& founding = w.cases[0];
  EXPECT_EQ(founding.name.text, "founding scenario");
  ASSERT_EQ(founding.tokens.size(), 1u);
  EXPECT_EQ(founding.tokens[0].text, "limited-test-token");
  ASSERT_TRUE(founding.http.has_value());
  EXPECT_EQ(founding.http->text, "POST /api/repos/create");
  std::vector<std::string> body;
  for (const BodyField& f : founding.body) body.push_back(f.key.text + "=" + f.value.text);
  EXPECT_THAT(body, ElementsAre("type=model", "name=whatever_you_want", "organization=acme"));
  EXPECT_EQ(founding.expect, Effect::kDeny);
  EXPECT_EQ(founding.status, 403);
  EXPECT_THAT(founding.denied_by, ElementsAre(Side::kToken));

  const Case& as_permission = w.cases[2];
  ASSERT_TRUE(as_permission.permission.has_value());
  EXPECT_EQ(as_permission.permission->text, "repo.write");
  ASSERT_TRUE(as_permission.org.has_value());
  EXPECT_EQ(as_permission.org->text, "acme");
  EXPECT_FALSE(as_permission.http.has_value());
  EXPECT_FALSE(as_permission.operation.has_value());

  // The matrix: one row per token, one cell per operation, each cell where it is written.
  const Case& matrix = w.cases[3];
  ASSERT_TRUE(matrix.matrix.has_value());
  EXPECT_THAT(matrix.tokens, IsEmpty());
  EXPECT_EQ(matrix.matrix->axis, MatrixAxis::kOperations);
  std::vector<std::string> columns;
  for (const Name& column : matrix.matrix->columns) columns.push_back(column.text);
  EXPECT_THAT(columns, ElementsAre("model_info", "hf_hub_download", "create_commit", "delete_repo"));
  ASSERT_EQ(matrix.matrix->rows.size(), 1u);
  const CaseMatrix::Row& row = matrix.matrix->rows[0];
  EXPECT_EQ(row.token.text, "limited-test-token");
  ASSERT_EQ(row.cells.size(), 4u);
  for (const MatrixCell& cell : row.cells) {
    EXPECT_EQ(cell.expect, Effect::kDeny);
    EXPECT_EQ(cell.status, 404);
  }
  EXPECT_EQ(row.cells[1].pos.line, row.cells[0].pos.line);
  EXPECT_GT(row.cells[1].pos.column, row.cells[0].pos.column);
}

TEST(WorldLoader, MissingFileIsAStatusNotAnIssue) {
  Fixtures loaded;
  WorldLoader loader(&loaded.files, &loaded.diagnostics, &loaded.world);
  absl::Status status = loader.AddPath("testdata/no-such-file.yaml");
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(loaded.diagnostics.issues(), IsEmpty());
}

// LoadFixtures keeps going past a file it cannot read: the others are loaded and validated, and the
// world is not ok().
TEST(LoadFixtures, AnUnreadableFileIsAReadErrorAndTheRestStillLoads) {
  const Fixtures loaded = LoadFixtures({"testdata/no-such-file.yaml", "testdata/founding/world.yaml", "testdata"});
  EXPECT_THAT(loaded.read_errors, ElementsAre("cannot read 'testdata/no-such-file.yaml'",
                                              "'testdata' is a directory; give the fixture files in it"));
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.files.size(), 1);
  ASSERT_EQ(loaded.world.tokens.size(), 1u);
  EXPECT_EQ(loaded.world.tokens[0].name.text, "limited-test-token");
  EXPECT_TRUE(LoadFixtures({"testdata/founding/world.yaml"}).ok());
  EXPECT_FALSE(Load({"users: [a]\nusers: [b]\n"}).ok());  // an error in the content
}

TEST(WorldLoader, FilesMayRepeatAnAssumptionButNotContradictIt) {
  Fixtures f = LoadFixtureTexts({{"a.yaml", "assumptions: {repo_write_implies_read: true, contributor_permission: repo.contrib}\n"},
                                 {"b.yaml", "assumptions: {repo_write_implies_read: true}\n"},
                                 {"c.yaml", "assumptions:\n  repo_write_implies_read: false\n  contributor_permission: x.y\n"}});
  EXPECT_EQ(f.RenderIssues(),
            "c.yaml:2:28: error: 'repo_write_implies_read' is false here but true at b.yaml:1:40; the files of one world "
            "must agree\n"
            "      repo_write_implies_read: false\n"
            "                               ^\n"
            "c.yaml:3:27: error: 'contributor_permission' is 'x.y' here but 'repo.contrib' at a.yaml:1:70; the files of "
            "one world must agree\n"
            "      contributor_permission: x.y\n"
            "                              ^\n");
  EXPECT_TRUE(f.world.assumptions.repo_write_implies_read);  // the first value stands
}

}  // namespace
}  // namespace hubperm
