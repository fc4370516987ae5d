// Copyright 2026 The hubperm Authors.

#include "policy/mint/intents.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "policy/batch/batch_request.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/request_body.h"

namespace hubperm {
namespace {

Intent IntentOf(BatchRequest request) {
  Intent intent;
  intent.input = std::move(request.input);
  intent.key_pos = request.key_pos;
  intent.pos = request.line_pos;
  intent.token = std::move(request.token);
  return intent;
}

// The keys of a line the recorder writes (tools/clients/recorder.py): its header, a request, an outcome.
constexpr absl::string_view kRecorderKeys[] = {"client", "source", "version", "auth", "body", "body_bytes",
                                               "call", "content_type", "hub", "method", "step", "target",
                                               "outcome"};

// A recorder's line: the request it holds, if it is a request to the Hub (`*other_host` when it went
// elsewhere); a header or an outcome holds none.
absl::optional<Intent> ReadRecorderLine(const YamlNode& root, TreeReader& in, bool* other_host) {
  in.CheckKeys(root, kRecorderKeys, "a recorded line");
  const YamlNode* method = in.Get(root, "method");
  const YamlNode* target = in.Get(root, "target");
  if (method == nullptr && target == nullptr) return absl::nullopt;  // the header, or a call's outcome
  const absl::optional<Name> verb = method != nullptr ? in.String(*method, "\"method\"") : absl::nullopt;
  const absl::optional<Name> path = target != nullptr ? in.String(*target, "\"target\"") : absl::nullopt;
  if (method == nullptr || target == nullptr) {
    in.Error(root.pos, "a recorded request has both \"method\" and \"target\"");
  }
  if (const YamlNode* hub = in.Get(root, "hub")) {
    if (!in.Bool(*hub, "\"hub\"").value_or(true)) {
      *other_host = true;
      return absl::nullopt;
    }
  }
  if (!verb.has_value() || !path.has_value()) return absl::nullopt;
  Intent intent;
  intent.pos = root.pos;
  intent.input.target.dialect = Dialect::kJsonKeys;
  intent.input.http = absl::StrCat(verb->text, " ", path->text);
  intent.key_pos[static_cast<int>(Arg::kHttp)] = target->pos;
  std::string content_type;
  if (const YamlNode* type = in.Get(root, "content_type")) {
    if (absl::optional<Name> value = in.String(*type, "\"content_type\"")) content_type = std::move(value->text);
  }
  if (const YamlNode* body = in.Get(root, "body")) {
    if (absl::optional<Name> text = in.Text(*body, "\"body\"")) {
      if (!text->text.empty()) {
        absl::StatusOr<RequestBody> parsed = ParseRequestBody(text->text, content_type);
        if (parsed.ok()) {
          intent.input.body = *std::move(parsed);
          intent.key_pos[static_cast<int>(Arg::kBody)] = body->pos;
        } else {
          in.Error(body->pos, std::string(parsed.status().message()));
        }
      }
    }
  }
  return intent;
}

}  // namespace

Intents ReadIntentsFile(const std::string& name, std::string text, SourceFiles* files, Diagnostics* diagnostics) {
  Intents out;
  const int file = files->Add(name, std::move(text));
  absl::optional<YamlNode> root = ParseYaml(files->text(file), file, diagnostics);
  if (!root.has_value()) return out;
  TreeReader in(diagnostics, TreeSyntax::kYaml);
  if (!in.IsSequence(*root, "an intents file (a list of requests)")) return out;
  if (root->children.empty()) in.Error(root->pos, "the intents file lists no request");
  for (const YamlNode& item : root->children) {
    BatchLineFacts facts;
    if (absl::optional<BatchRequest> request = ReadRequestObject(item, RequestObjectKind::kIntent, in, &facts)) {
      out.intents.push_back(IntentOf(*std::move(request)));
    }
  }
  return out;
}

Intents ReadRequestLog(const std::string& name, absl::string_view text, SourceFiles* files, Diagnostics* diagnostics) {
  Intents out;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const int file = files->Add(name, std::string(line), number);
    const int errors_before = diagnostics->error_count();
    absl::optional<YamlNode> root = ParseYaml(files->text(file), file, diagnostics, YamlLimits(), number);
    if (!root.has_value() || diagnostics->error_count() > errors_before) continue;
    TreeReader in(diagnostics, TreeSyntax::kJson);
    if (!in.IsMap(*root, "a line of a request log")) continue;
    // A batch line names its token; a recorder's line never does.
    if (in.Get(*root, "token") != nullptr) {
      BatchLineFacts facts;
      if (absl::optional<BatchRequest> request = ReadRequestObject(*root, RequestObjectKind::kBatchLine, in, &facts)) {
        out.intents.push_back(IntentOf(*std::move(request)));
      }
      continue;
    }
    bool other_host = false;
    if (absl::optional<Intent> intent = ReadRecorderLine(*root, in, &other_host)) {
      out.intents.push_back(*std::move(intent));
    }
    out.other_hosts += other_host ? 1 : 0;
  }
  if (out.intents.empty() && diagnostics->error_count() == 0) {
    const int file = files->Add(name, "");
    diagnostics->Error(SourcePos{file, 1, 1}, "the request log holds no request to the Hub");
  }
  return out;
}

}  // namespace hubperm
