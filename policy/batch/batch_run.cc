// Copyright 2026 The hubperm Authors.

#include "policy/batch/batch_run.h"

#include <istream>
#include <ostream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "policy/batch/batch_request.h"
#include "policy/common/json_writer.h"
#include "policy/common/read_file.h"
#include "policy/decide/check.h"
#include "policy/explain/error_comparison.h"
#include "policy/explain/explain.h"
#include "policy/explain/explain_json.h"
#include "policy/explain/sequence_explanation.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"

namespace hubperm {
namespace {

constexpr absl::string_view kVerdicts[] = {"allow", "deny", "error", "not_modeled"};  // by exit code

// Builds one answer: the line's request decided, or its errors.
class LineAnswerer {
 public:
  LineAnswerer(const Snapshot& s, const World& world, const BatchOptions& options, BatchAnswer* answer)
      : s_(s), world_(world), options_(options), a_(*answer), json_(JsonLayout::kOneLine) {}

  void Answer(int file, int line) {
    line_ = line;
    BatchLineFacts facts;
    absl::optional<BatchRequest> request = ReadBatchRequest(a_.files, file, &a_.diagnostics, &facts);
    id_ = std::move(facts.id);
    if (facts.holds_secret) {
      // Its errors are shown without the line: the positions name it, the text holding the secret goes.
      SourceFiles masked;
      masked.Add(std::string(a_.files.name(file)), "", line);
      a_.files = std::move(masked);
    }
    if (!request.has_value()) return Errors();
    if (request->input.at == Request::kAnyMoment) request->input.at = options_.at;
    Decide(*request);
  }

  // The answer to a line too long to read: that error alone.
  void TooLong(int file, int line) {
    line_ = line;
    a_.diagnostics.Error(SourcePos{file, line, 1}, absl::StrCat("the line is longer than ", FormatBytes(options_.max_line_bytes),
                                                               "; a batch line holds one request"));
    Errors();
  }

 private:
  void Begin(int exit_code, absl::string_view text) {
    a_.exit_code = exit_code;
    json_.BeginObject()
        .Key("schema").String(kBatchSchema)
        .Key("line").Int(line_)
        .Key("id").StringOrNull(id_.has_value() ? absl::optional<absl::string_view>(*id_) : absl::nullopt)
        .Key("exit_code").Int(exit_code)
        .Key("verdict").String(kVerdicts[exit_code])
        .Key("text").String(absl::StripSuffix(text, "\n"))
        .Key("result");
  }
  void End() {
    json_.Key("errors").BeginArray();
    for (const Issue* issue : a_.diagnostics.Sorted()) {
      if (issue->severity != Severity::kError) continue;
      json_.BeginObject()
          .Key("line").Int(issue->pos.line)
          .Key("column").Int(issue->pos.column)
          .Key("message").String(issue->message)
          .EndObject();
    }
    json_.EndArray().EndObject();
    a_.json = json_.Finish();
  }

  void Errors() {
    std::string text = "ERROR";
    for (const Issue* issue : a_.diagnostics.Sorted()) {
      if (issue->severity != Severity::kError) continue;
      text = absl::StrCat("ERROR ", a_.files.Format(issue->pos), ": ", issue->message);
      break;
    }
    Begin(2, text);
    json_.Null();
    End();
  }

  // A request that could not be resolved: the error at the key to blame, or at the line.
  void Failed(const absl::Status& status, const absl::optional<Arg>& culprit, const BatchRequest& request) {
    SourcePos pos = request.line_pos;
    if (culprit.has_value() && request.key_pos[static_cast<int>(*culprit)].known()) {
      pos = request.key_pos[static_cast<int>(*culprit)];
    }
    a_.diagnostics.Error(pos, std::string(status.message()));
    Errors();
  }

  void Decide(const BatchRequest& request) {
    const RequestInput& input = request.input;
    absl::optional<Arg> culprit;
    if (AsksSequence(input)) {
      const absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(input, &culprit);
      if (!sequence.ok()) return Failed(sequence.status(), culprit, request);
      const absl::StatusOr<SequenceExplanation> e = ExplainSequence(s_, world_, request.token, *sequence);
      if (!e.ok()) return Failed(e.status(), absl::nullopt, request);
      Begin(e->allowed ? 0 : 1, options_.explain ? RenderSequence(*e) : RenderSequenceLine(*e));
      WriteSequenceJson(*e, &json_);
      return End();
    }
    const absl::StatusOr<RequestDescription> description = ParseRequest(input, &culprit);
    if (!description.ok()) return Failed(description.status(), culprit, request);
    if (!description->modeled()) {
      Begin(3, absl::StrCat("NOT MODELED ", UnmodeledText(*description)));
      WriteUnmodeledJson(*description, &json_);
      return End();
    }
    const absl::StatusOr<ResolvedRequest> resolved = Resolve(s_, request.token, *description, &culprit);
    if (!resolved.ok()) return Failed(resolved.status(), culprit, request);
    const Explanation explanation = Explain(s_, *resolved, Check(s_, resolved->request));
    const int exit_code = explanation.decision.allowed ? 0 : 1;
    std::string text = options_.explain ? RenderExplanation(explanation) : RenderCheckLine(explanation);
    if (!resolved->asked.error.has_value()) {
      Begin(exit_code, text);
      WriteDecisionJson(s_, explanation, &json_);
      return End();
    }
    // Asked as a pasted error: whether the world predicts the Hub's answer, then the decision.
    const ErrorComparison comparison = CompareWithError(*resolved->asked.error, explanation);
    Begin(exit_code, absl::StrCat(RenderErrorComparison(explanation, comparison), text));
    WriteErrorComparisonJson(s_, explanation, comparison, &json_);
    End();
  }

  const Snapshot& s_;
  const World& world_;
  const BatchOptions& options_;
  BatchAnswer& a_;
  JsonWriter json_;
  int line_ = 0;
  absl::optional<std::string> id_;
};

// Reads one line of `in` into `*line` (without its line break, nor a CR before it), keeping at most
// `max_bytes` of it (`*too_long` tells whether more was skipped). False at the end of the input.
bool ReadLine(std::istream& in, size_t max_bytes, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  std::streambuf* buf = in.rdbuf();
  if (buf == nullptr) return false;
  bool any = false;
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line->size() < max_bytes) {
      line->push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
  if (!line->empty() && line->back() == '\r' && !*too_long) line->pop_back();
  return any;
}

// The answer to line `line`, `text`, or (too_long) to a line too long to read.
BatchAnswer Answer(const Snapshot& snapshot, const World& world, absl::string_view text, int line, bool too_long,
                   const BatchOptions& options) {
  BatchAnswer answer;
  answer.diagnostics = Diagnostics(options.max_issues_per_line);
  const int file = answer.files.Add(options.name, std::string(too_long ? "" : text), line);
  LineAnswerer answerer(snapshot, world, options, &answer);
  if (too_long) {
    answerer.TooLong(file, line);
  } else {
    answerer.Answer(file, line);
  }
  return answer;
}

}  // namespace

BatchAnswer AnswerBatchLine(const Snapshot& snapshot, const World& world, absl::string_view text, int line,
                            const BatchOptions& options) {
  return Answer(snapshot, world, text, line, /*too_long=*/false, options);
}

int BatchSummary::ExitCode() const {
  if (errors > 0) return 2;
  if (denied > 0) return 1;
  if (not_modeled > 0) return 3;
  return 0;
}

std::string BatchSummary::Text() const {
  return absl::StrCat(requests, requests == 1 ? " request: " : " requests: ", allowed, " allowed, ", denied,
                      " denied, ", not_modeled, " not modeled, ", errors, errors == 1 ? " error" : " errors");
}

BatchSummary RunBatch(const Snapshot& snapshot, const World& world, std::istream& in, const BatchOptions& options,
                      std::ostream& out, std::ostream& err, const Style& err_style) {
  BatchSummary summary;
  std::string line;
  bool too_long = false;
  for (int number = 1; ReadLine(in, options.max_line_bytes, &line, &too_long); ++number) {
    if (!too_long && absl::StripAsciiWhitespace(line).empty()) continue;
    ++summary.requests;
    const BatchAnswer answer = Answer(snapshot, world, line, number, too_long, options);
    switch (answer.exit_code) {
      case 0: ++summary.allowed; break;
      case 1: ++summary.denied; break;
      case 3: ++summary.not_modeled; break;
      default: ++summary.errors; break;
    }
    if (answer.exit_code == 2) answer.diagnostics.Print(answer.files, err_style, err);
    out << answer.json;
    if (options.flush_each_line) out.flush();
  }
  return summary;
}

}  // namespace hubperm
