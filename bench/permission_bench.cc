// Copyright 2026 The hubperm Authors.
//
// The cost of the permission vocabulary: parsing a permission string (done once per string at load time)
// and testing a permission set (done on every check).

#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "policy/model/permission.h"

namespace hubperm {
namespace {

void BM_ParsePermission(benchmark::State& state) {
  std::vector<std::string> names;
  for (const PermissionInfo& row : AllPermissions()) names.emplace_back(row.name);
  names.emplace_back("some.future.permission");
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ParsePermission(names[i]));
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParsePermission);

void BM_PermissionSetContainsAll(benchmark::State& state) {
  PermissionSet granted = {Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kOrgRead};
  const PermissionSet needed = {Permission::kRepoWrite};
  for (auto _ : state) {
    benchmark::DoNotOptimize(granted);
    benchmark::DoNotOptimize(granted.ContainsAll(needed));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PermissionSetContainsAll);

}  // namespace
}  // namespace hubperm
