// Copyright 2026 The hubperm Authors.
//
// The catalogue against the Hub's OpenAPI description (testdata/openapi/hub-openapi.json): every operation
// of the description has a row, every `source: openapi` row names an operation of the description, and a
// `source: client` row names a route the description lacks (when the description gains it, the row
// should say so).

#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/catalogue.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

// "VERB /path" of every operation in the description.
std::set<std::string> DescribedOperations() {
  const std::string text = ReadFileOrEmpty("testdata/openapi/hub-openapi.json");
  EXPECT_FALSE(text.empty()) << "cannot read testdata/openapi/hub-openapi.json";
  Diagnostics d;
  absl::optional<YamlNode> root = ParseYaml(text, 0, &d);
  EXPECT_FALSE(d.has_errors());
  std::set<std::string> out;
  if (!root.has_value() || !root->is_map()) return out;
  for (size_t i = 0; i < root->map_size(); ++i) {
    if (root->key(i).scalar != "paths") continue;
    const YamlNode& paths = root->value(i);
    for (size_t p = 0; p < paths.map_size(); ++p) {
      const YamlNode& item = paths.value(p);
      for (size_t m = 0; m < item.map_size(); ++m) {
        const std::string verb = absl::AsciiStrToUpper(item.key(m).scalar);
        if (verb == "GET" || verb == "HEAD" || verb == "POST" || verb == "PUT" || verb == "PATCH" || verb == "DELETE") {
          out.insert(verb + " " + paths.key(p).scalar);
        }
      }
    }
  }
  return out;
}

TEST(CatalogueDriftTest, EveryOperationOfTheDescriptionHasARow) {
  const std::set<std::string> described = DescribedOperations();
  EXPECT_EQ(described.size(), 314u);  // the copy's count; update with the copy
  std::set<std::string> rows;
  for (const CatalogueRoute& r : BuiltinCatalogue().routes()) rows.insert(r.Name());
  for (const std::string& op : described) {
    EXPECT_TRUE(rows.count(op)) << op << " is in the OpenAPI description but has no row in routes.yaml";
  }
}

TEST(CatalogueDriftTest, EveryRowNamesWhatTheDescriptionSays) {
  const std::set<std::string> described = DescribedOperations();
  for (const CatalogueRoute& r : BuiltinCatalogue().routes()) {
    if (r.source == RouteSource::kOpenApi) {
      EXPECT_TRUE(described.count(r.Name())) << r.Where() << ": " << r.Name()
                                             << " is not in the OpenAPI description (source: client, or remove it)";
    } else {
      EXPECT_FALSE(described.count(r.Name())) << r.Where() << ": " << r.Name()
                                              << " is in the OpenAPI description now: drop 'source: client'";
    }
  }
}

}  // namespace
}  // namespace hubperm
