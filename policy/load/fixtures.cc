// Copyright 2026 The hubperm Authors.

#include "policy/load/fixtures.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "policy/load/validate.h"
#include "policy/load/world_loader.h"

namespace hubperm {

std::string Fixtures::RenderIssues(const Style& style) const {
  std::string out;
  for (const std::string& message : read_errors) {
    absl::StrAppend(&out, "hubperm: ", style.Paint(Tone::kDeny, "error:"), " ", message, "\n");
  }
  return out + diagnostics.Render(files, style);
}

Fixtures LoadFixtures(const std::vector<std::string>& paths) {
  Fixtures f;
  WorldLoader loader(&f.files, &f.diagnostics, &f.world);
  for (const std::string& path : paths) {
    absl::Status status = loader.AddPath(path);
    if (!status.ok()) f.read_errors.emplace_back(status.message());
  }
  ValidateWorld(f.world, f.files, &f.diagnostics);
  return f;
}

Fixtures LoadFixtureTexts(std::vector<std::pair<std::string, std::string>> texts) {
  Fixtures f;
  WorldLoader loader(&f.files, &f.diagnostics, &f.world);
  for (auto& [name, text] : texts) loader.AddText(std::move(name), std::move(text));
  ValidateWorld(f.world, f.files, &f.diagnostics);
  return f;
}

}  // namespace hubperm
