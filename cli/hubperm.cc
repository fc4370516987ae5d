// Copyright 2026 The hubperm Authors.

#include "cli/hubperm.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/suggest.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/common/json_writer.h"
#include "policy/explain/explain.h"
#include "policy/explain/explain_json.h"
#include "policy/load/fixtures.h"
#include "policy/request/method.h"
#include "policy/request/route.h"

namespace hubperm {
namespace {

constexpr char kVersion[] = "hubperm 0.1.0";

constexpr char kUsage[] = R"(hubperm: would this Hugging Face Hub token be allowed to do this?

Usage:
  hubperm check    FILES... --token NAME REQUEST    one line: ALLOW, or DENY and why
  hubperm explain  FILES... --token NAME REQUEST    both sides, the Hub's answer, assumptions, the fix
  hubperm validate FILES...                         report every error and warning in the fixtures
  hubperm --version | --help | COMMAND --help

Options:
  --format text|json    text for people (the default); json for tools: check and explain print the
                        decision as documented in docs/explanation-json.md, validate its issues

REQUEST is one of:
  --http 'VERB PATH' [--body JSON | --body @FILE | --body -]
        as in the Hub API playground or curl, e.g. --http 'POST /api/repos/create'
        --body '{"type": "model", "name": "x", "organization": "acme"}'
  --operation METHOD [--repo NS/NAME] [--repo-type model|dataset|space] [--org ORG] [--group GROUP]
        a huggingface_hub HfApi method, e.g. --operation create_commit --repo acme/m

Exit codes: 0 allowed (validate: no errors), 1 denied, 2 bad input or usage.

Example (the founding scenario):
  hubperm explain testdata/founding/world.yaml --token limited-test-token \
      --http 'POST /api/repos/create' \
      --body '{"type": "model", "name": "whatever_you_want", "organization": "acme"}'
)";

struct Options {
  std::string command;
  std::vector<std::string> files;
  std::string token;
  std::string http;
  std::string body;
  bool has_body = false;
  std::string operation;
  MethodArgs method_args;
  bool json = false;
  bool help = false;
};

constexpr absl::string_view kFlags[] = {"--token", "--http", "--body", "--operation", "--repo",
                                        "--repo-type", "--org", "--group", "--format", "--help"};

// Parses `args`; returns an error message, or "" on success.
std::string ParseArgs(const std::vector<std::string>& args, Options* o) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* into) -> std::string {
      if (i + 1 >= args.size()) return absl::StrCat(a, " needs a value");
      *into = args[++i];
      return "";
    };
    std::string problem;
    if (a == "--help" || a == "-h") {
      o->help = true;
    } else if (a == "--token") {
      problem = value(&o->token);
    } else if (a == "--http") {
      problem = value(&o->http);
    } else if (a == "--body") {
      problem = value(&o->body);
      o->has_body = true;
    } else if (a == "--operation") {
      problem = value(&o->operation);
    } else if (a == "--repo") {
      problem = value(&o->method_args.repo);
    } else if (a == "--org") {
      problem = value(&o->method_args.org);
    } else if (a == "--group") {
      problem = value(&o->method_args.group);
    } else if (a == "--format") {
      std::string format;
      problem = value(&format);
      if (problem.empty() && format != "text" && format != "json") {
        problem = absl::StrCat("--format must be text or json, not '", format, "'");
      }
      o->json = format == "json";
    } else if (a == "--repo-type") {
      std::string type;
      problem = value(&type);
      if (problem.empty()) {
        o->method_args.repo_type = ParseName<RepoType>(type);
        if (!o->method_args.repo_type.has_value()) problem = absl::StrCat("--repo-type must be model, dataset or space, not '", type, "'");
      }
    } else if (absl::StartsWith(a, "-") && a != "-") {
      problem = absl::StrCat("unknown option '", a, "'", DidYouMean(a, kFlags));
    } else if (o->command.empty()) {
      o->command = a;
    } else {
      o->files.push_back(a);
    }
    if (!problem.empty()) return problem;
  }
  return "";
}

// Reads --body: inline text, @FILE, or - for stdin.
bool ReadBody(const Options& o, std::istream& in, std::string* text, std::ostream& err) {
  if (o.body == "-") {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *text = buffer.str();
  } else if (absl::StartsWith(o.body, "@")) {
    std::ifstream file(o.body.substr(1), std::ios::binary);
    if (!file) {
      err << "hubperm: error: cannot read body file '" << o.body.substr(1) << "'\n";
      return false;
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    *text = buffer.str();
  } else {
    *text = o.body;
  }
  return true;
}

// Loads and validates the fixtures; prints every issue to `err`. Null on any error.
std::shared_ptr<const Snapshot> LoadWorld(const std::vector<std::string>& paths, std::ostream& err, int* errors,
                                          int* warnings) {
  Fixtures fixtures = LoadFixtures(paths);
  for (const std::string& message : fixtures.read_errors) err << "hubperm: error: " << message << "\n";
  err << fixtures.diagnostics.Render(fixtures.files);
  *errors = fixtures.diagnostics.error_count() + (fixtures.read_errors.empty() ? 0 : 1);
  *warnings = fixtures.diagnostics.warning_count();
  if (!fixtures.ok()) return nullptr;
  return Snapshot::Compile(fixtures.world, std::move(fixtures.files));
}

int Fail(std::ostream& err, absl::string_view message) {
  err << "hubperm: error: " << message << "\n";
  return kExitBadInput;
}

// `validate --format json`: the files, the counts and every issue, in the order the text lists them.
std::string ValidateJson(const Fixtures& fixtures, const std::vector<std::string>& paths) {
  JsonWriter json;
  json.BeginObject().Key("schema").String("hubperm.validate/v1").Key("files").BeginArray();
  for (const std::string& path : paths) json.String(path);
  json.EndArray()
      .Key("errors").Int(fixtures.diagnostics.error_count() + static_cast<int>(fixtures.read_errors.size()))
      .Key("warnings").Int(fixtures.diagnostics.warning_count())
      .Key("issues").BeginArray();
  for (const std::string& message : fixtures.read_errors) {
    json.BeginObject().Key("severity").String("error").Key("at").Null().Key("message").String(message).EndObject();
  }
  for (const Issue* issue : fixtures.diagnostics.Sorted()) {
    json.BeginObject().Key("severity").String(issue->severity == Severity::kError ? "error" : "warning").Key("at");
    WritePosition(fixtures.files, issue->pos, &json);
    json.Key("message").String(issue->message).EndObject();
  }
  json.EndArray().EndObject();
  return json.Finish();
}

int RunValidate(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.files.empty()) return Fail(err, "validate needs at least one fixture file");
  if (o.json) {
    const Fixtures fixtures = LoadFixtures(o.files);
    out << ValidateJson(fixtures, o.files);
    return fixtures.ok() ? kExitAllow : kExitBadInput;
  }
  int errors = 0, warnings = 0;
  LoadWorld(o.files, err, &errors, &warnings);
  out << absl::StrCat(o.files.size(), o.files.size() == 1 ? " file: " : " files: ", errors,
                      errors == 1 ? " error, " : " errors, ", warnings, warnings == 1 ? " warning" : " warnings")
      << "\n";
  return errors > 0 ? kExitBadInput : kExitAllow;
}

int RunDecide(const Options& o, std::istream& in, std::ostream& out, std::ostream& err) {
  if (o.files.empty()) return Fail(err, absl::StrCat(o.command, " needs at least one fixture file (see hubperm --help)"));
  if (o.token.empty()) return Fail(err, absl::StrCat(o.command, " needs --token NAME"));
  if (o.http.empty() == o.operation.empty()) {
    return Fail(err, "give exactly one request: --http 'VERB PATH' or --operation METHOD");
  }
  if (o.has_body && o.http.empty()) return Fail(err, "--body goes with --http");
  absl::StatusOr<RequestSpec> spec;
  if (!o.http.empty()) {
    std::string text;
    if (o.has_body && !ReadBody(o, in, &text, err)) return kExitBadInput;
    absl::StatusOr<Body> body = ParseBody(text);
    if (!body.ok()) return Fail(err, body.status().message());
    spec = ParseHttpRequest(o.http, *body);
  } else {
    spec = ParseMethodRequest(o.operation, o.method_args);
  }
  if (!spec.ok()) return Fail(err, spec.status().message());

  int errors = 0, warnings = 0;
  std::shared_ptr<const Snapshot> snapshot = LoadWorld(o.files, err, &errors, &warnings);
  if (snapshot == nullptr) {
    err << "hubperm: " << errors << (errors == 1 ? " error" : " errors") << " in the fixtures; nothing was decided\n";
    return kExitBadInput;
  }
  absl::StatusOr<Request> request = ResolveRequest(*snapshot, o.token, *spec);
  if (!request.ok()) return Fail(err, request.status().message());
  const Decision decision = Check(*snapshot, *request);
  if (o.json) {
    out << RenderExplanationJson(*snapshot, *request, decision);
  } else if (o.command == "check") {
    out << RenderCheckLine(*snapshot, *request, decision) << "\n";
  } else {
    out << RenderExplanation(*snapshot, *request, decision);
  }
  return decision.allowed ? kExitAllow : kExitDeny;
}

}  // namespace

int RunHubperm(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (args.size() == 1 && args[0] == "--version") {
    out << kVersion << "\n";
    return kExitAllow;
  }
  Options o;
  const std::string problem = ParseArgs(args, &o);
  if (o.help || args.empty()) {
    out << kUsage;
    return args.empty() ? kExitBadInput : kExitAllow;
  }
  if (!problem.empty()) return Fail(err, absl::StrCat(problem, " (see hubperm --help)"));
  if (o.command == "validate") return RunValidate(o, out, err);
  if (o.command == "check" || o.command == "explain") return RunDecide(o, in, out, err);
  constexpr absl::string_view kCommands[] = {"check", "explain", "validate"};
  return Fail(err, absl::StrCat("unknown command '", o.command, "'", DidYouMean(o.command, kCommands),
                                " (commands: check, explain, validate)"));
}

}  // namespace hubperm
