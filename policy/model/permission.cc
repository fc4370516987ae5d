// Copyright 2026 The hubperm Authors.

#include "policy/model/permission.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>


namespace hubperm {
namespace {

constexpr uint8_t kGlobal = kPlacementGlobal;
constexpr uint8_t kOrg = kPlacementOrg;
constexpr uint8_t kRepo = kPlacementRepo;
constexpr uint8_t kUser = kPlacementUser;
constexpr uint8_t kGroup = kPlacementResourceGroup;

// The permission table, one row per permission, in enum order (checked below and in the test).
// Sources (hub-access-model §4): the OpenAPI enum of organization-token permissions [doc]; `global` holds only
// discussion.write and post.write [doc]; per-repo and user-scope strings seen in real whoami-v2
// responses [seen]; resource-group scopes carry repo permissions and resourceGroup.write [assumed].
constexpr std::array<PermissionInfo, kPermissionCount> kPermissions = {{
    {Permission::kRepoContentRead, "repo.content.read", kOrg | kRepo | kUser | kGroup, Evidence::kAssumed},
    {Permission::kRepoWrite, "repo.write", kOrg | kRepo | kUser | kGroup, Evidence::kAssumed},
    {Permission::kRepoAccessRead, "repo.access.read", kRepo | kUser, Evidence::kSeen},
    {Permission::kDiscussionWrite, "discussion.write", kGlobal | kRepo | kUser, Evidence::kSeen},
    {Permission::kPostWrite, "post.write", kGlobal, Evidence::kDoc},
    {Permission::kInferenceServerlessWrite, "inference.serverless.write", kOrg | kUser, Evidence::kSeen},
    {Permission::kInferenceEndpointsInferWrite, "inference.endpoints.infer.write", kOrg | kUser, Evidence::kSeen},
    {Permission::kInferenceEndpointsWrite, "inference.endpoints.write", kOrg | kUser, Evidence::kSeen},
    {Permission::kOrgRead, "org.read", kOrg, Evidence::kDoc},
    {Permission::kOrgWrite, "org.write", kOrg, Evidence::kDoc},
    {Permission::kOrgServiceAccountsRead, "org.serviceAccounts.read", kOrg, Evidence::kDoc},
    {Permission::kOrgServiceAccountsWrite, "org.serviceAccounts.write", kOrg, Evidence::kDoc},
    {Permission::kResourceGroupWrite, "resourceGroup.write", kOrg | kGroup, Evidence::kAssumed},
    {Permission::kCollectionRead, "collection.read", kOrg | kUser, Evidence::kSeen},
    {Permission::kCollectionWrite, "collection.write", kOrg | kUser, Evidence::kSeen},
    {Permission::kJobWrite, "job.write", kOrg | kUser, Evidence::kSeen},
    {Permission::kUserWebhooksRead, "user.webhooks.read", kUser, Evidence::kSeen},
    {Permission::kUserWebhooksWrite, "user.webhooks.write", kUser, Evidence::kSeen},
    {Permission::kUserBillingRead, "user.billing.read", kUser, Evidence::kSeen},
    {Permission::kUserNotificationsRead, "user.notifications.read", kUser, Evidence::kSeen},
    {Permission::kUserNotificationsWrite, "user.notifications.write", kUser, Evidence::kSeen},
    // The changelog of 12 Oct 2026 names the permission, not its string: the spelling is assumed (a
    // switch), and so is where it may be scoped (the namespaces it may create in: the user, an org).
    {Permission::kRepoContribute, "repo.contribute", kOrg | kUser, Evidence::kAssumed},
}};

constexpr bool RowsInEnumOrder() {
  for (int i = 0; i < kPermissionCount; ++i) {
    if (static_cast<int>(kPermissions[i].permission) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kPermissions rows must follow the Permission enum's order");

}  // namespace

absl::Span<const PermissionInfo> AllPermissions() { return kPermissions; }

const PermissionInfo& GetPermissionInfo(Permission p) { return kPermissions[static_cast<int>(p)]; }

absl::string_view PermissionName(Permission p) { return GetPermissionInfo(p).name; }

std::string PermissionSetText(PermissionSet set) {
  // Sized first, then written: one allocation (the audit writes this for every line of its report).
  size_t size = 0;
  set.ForEach([&](Permission p) { size += (size == 0 ? 0 : 2) + PermissionName(p).size(); });
  std::string text;
  text.reserve(size);
  set.ForEach([&](Permission p) {
    if (!text.empty()) text.append(", ");
    text.append(PermissionName(p).data(), PermissionName(p).size());
  });
  return text;
}

uint8_t PlacementOf(EntityType type) {
  switch (type) {
    case EntityType::kUser:
      return kPlacementUser;
    case EntityType::kOrg:
      return kPlacementOrg;
    case EntityType::kResourceGroup:
      return kPlacementResourceGroup;
    case EntityType::kModel:
    case EntityType::kDataset:
    case EntityType::kSpace:
      return kPlacementRepo;
    default:
      return 0;
  }
}

PermissionSet PermissionsAcceptedAt(uint8_t placement) {
  PermissionSet out;
  for (const PermissionInfo& info : kPermissions) {
    if ((info.placements & placement) != 0) out.Add(info.permission);
  }
  return out;
}

absl::optional<Permission> ParsePermission(absl::string_view name) {
  // 21 rows: a linear scan is as fast as a hash lookup and needs no static initialization.
  auto it = std::find_if(kPermissions.begin(), kPermissions.end(),
                         [name](const PermissionInfo& row) { return row.name == name; });
  if (it == kPermissions.end()) return absl::nullopt;
  return it->permission;
}

absl::string_view EvidenceName(Evidence evidence) {
  switch (evidence) {
    case Evidence::kDoc:
      return "doc";
    case Evidence::kSeen:
      return "seen";
    case Evidence::kAssumed:
      return "assumed";
  }
  return "";
}

}  // namespace hubperm
