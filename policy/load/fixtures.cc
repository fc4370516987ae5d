// Copyright 2026 The hubperm Authors.

#include "policy/load/fixtures.h"

#include <ostream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "policy/common/json_writer.h"
#include "policy/load/case_sets.h"
#include "policy/load/overrides.h"
#include "policy/load/validate.h"
#include "policy/load/world_loader.h"

namespace hubperm {

std::string Fixtures::RenderIssues(const Style& style) const {
  return RenderLoadIssues(files, diagnostics, read_errors, style);
}

void PrintLoadIssues(const SourceFiles& files, const Diagnostics& diagnostics,
                     const std::vector<std::string>& read_errors, const Style& style, std::ostream& out) {
  for (const std::string& message : read_errors) {
    out << "hubperm: " << style.Paint(Tone::kDeny, "error:") << " " << message << "\n";
  }
  diagnostics.Print(files, style, out);
}

std::string RenderLoadIssues(const SourceFiles& files, const Diagnostics& diagnostics,
                             const std::vector<std::string>& read_errors, const Style& style) {
  std::ostringstream out;
  PrintLoadIssues(files, diagnostics, read_errors, style, out);
  return out.str();
}

Fixtures LoadFixtures(const std::vector<std::string>& paths, const LoadOptions& options) {
  Fixtures f;
  f.diagnostics = Diagnostics(options.max_issues_per_file);
  WorldLoader loader(&f.files, &f.diagnostics, &f.world);
  for (const std::string& path : paths) {
    absl::Status status = loader.AddPath(path);
    if (!status.ok()) f.read_errors.emplace_back(status.message());
  }
  ApplyOverrides(options.overrides, &f.files, &f.diagnostics, &f.world);
  loader.Finish();
  ExpandCaseSets(&f.world, &f.diagnostics);
  ValidateWorld(f.world, f.files, &f.diagnostics);
  CheckCaseExpansion(f.world, options.max_checks, &f.diagnostics);
  return f;
}

Fixtures LoadFixtureTexts(std::vector<std::pair<std::string, std::string>> texts, const LoadOptions& options) {
  Fixtures f;
  f.diagnostics = Diagnostics(options.max_issues_per_file);
  WorldLoader loader(&f.files, &f.diagnostics, &f.world);
  for (auto& [name, text] : texts) loader.AddText(std::move(name), std::move(text));
  ApplyOverrides(options.overrides, &f.files, &f.diagnostics, &f.world);
  loader.Finish();
  ExpandCaseSets(&f.world, &f.diagnostics);
  ValidateWorld(f.world, f.files, &f.diagnostics);
  CheckCaseExpansion(f.world, options.max_checks, &f.diagnostics);
  return f;
}

std::string Fixtures::RenderIssuesJson(const std::vector<std::string>& paths) const {
  return RenderLoadIssuesJson(files, diagnostics, read_errors, paths);
}

std::string RenderLoadIssuesJson(const SourceFiles& files, const Diagnostics& diagnostics,
                                 const std::vector<std::string>& read_errors, const std::vector<std::string>& paths) {
  JsonWriter json;
  json.BeginObject().Key("schema").String("hubperm.validate/v1").Key("files").BeginArray();
  for (const std::string& path : paths) json.String(path);
  json.EndArray()
      .Key("errors").Int(static_cast<int>(read_errors.size()) + diagnostics.error_count())
      .Key("warnings").Int(diagnostics.warning_count())
      .Key("omitted").Int(diagnostics.omitted_count())
      .Key("issues").BeginArray();
  for (const std::string& message : read_errors) {
    json.BeginObject().Key("severity").String("error").Key("at").Null().Key("message").String(message).EndObject();
  }
  for (const Issue* issue : diagnostics.Sorted()) {
    json.BeginObject().Key("severity").String(issue->severity == Severity::kError ? "error" : "warning").Key("at");
    WritePosition(files, issue->pos, &json);
    json.Key("message").String(issue->message).EndObject();
  }
  json.EndArray().EndObject();
  return json.Finish();
}

}  // namespace hubperm
