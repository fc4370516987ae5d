// Copyright 2026 The hubperm Authors.
//
// InputText: a request in words, as mint's intents and who-can's title show it, one row per form and
// target argument.

#include <string>

#include "gtest/gtest.h"
#include "policy/request/request_input.h"

namespace hubperm {
namespace {

struct Row {
  const char* name;
  RequestInput input;
  const char* text;
};

RequestInput Method(const char* operation, TargetArgs target = TargetArgs()) {
  RequestInput input;
  input.operation = operation;
  input.target = target;
  return input;
}

TargetArgs Repo(const char* repo, absl::optional<RepoType> type = absl::nullopt) {
  TargetArgs t;
  t.repo = repo;
  t.repo_type = type;
  return t;
}

TEST(InputText, SaysTheFormThenTheTarget) {
  RequestInput http;
  http.http = "POST /api/repos/create";
  RequestInput permission;
  permission.permission = "org.read";
  permission.target.org = "acme";
  RequestInput pasted;
  pasted.error = "403 Forbidden";
  TargetArgs move = Repo("acme/m");
  move.to = "alice/m";
  TargetArgs exist_ok = Repo("acme/m");
  exist_ok.exist_ok = true;
  TargetArgs write;
  write.write = true;
  TargetArgs user_group;
  user_group.user = "alice";
  user_group.group = "g";
  const Row rows[] = {
      {"Route", http, "POST /api/repos/create"},
      {"Method", Method("create_repo", Repo("acme/x")), "create_repo acme/x"},
      {"ModelTypeUnsaid", Method("model_info", Repo("acme/x", RepoType::kModel)), "model_info acme/x"},
      {"OtherType", Method("hf_hub_download", Repo("acme/d", RepoType::kDataset)), "hf_hub_download acme/d (dataset)"},
      {"Permission", permission, "permission org.read org acme"},
      {"PastedError", pasted, "the pasted error's request"},
      {"Move", Method("move_repo", move), "move_repo acme/m -> alice/m"},
      {"ExistOk", Method("create_repo", exist_ok), "create_repo acme/m (exist_ok)"},
      {"Write", Method("auth_check", write), "auth_check (write)"},
      {"UserAndGroup", Method("x", user_group), "x user alice group g"},
  };
  for (const Row& row : rows) EXPECT_EQ(InputText(row.input), row.text) << row.name;
}

}  // namespace
}  // namespace hubperm
