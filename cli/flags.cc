// Copyright 2026 The hubperm Authors.

#include "cli/flags.h"

#include <algorithm>
#include <array>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace hubperm {
namespace {

// Where a flag's value goes, and the check it must pass ("" when it does), or for a switch, what it sets.
using Setter = std::string (*)(const std::string& value, Options* o);

// A flag that states part of a request is spelled as the request pipeline spells its argument
// (request_args.h, Dialect::kFlags), so a request error names the very flag the user typed.
struct FlagSpec {
  Flag flag;
  absl::optional<Arg> arg;  // the request argument it gives, if any: its name is Spell(arg, kFlags)
  absl::string_view own_name;  // otherwise
  bool takes_value;
  Setter set;

  absl::string_view name() const { return arg.has_value() ? Spell(*arg, Dialect::kFlags) : own_name; }
};

std::string Format(const std::string& v, Options* o) {
  o->format = v;
  if (v == "text" || v == "json" || v == "html") return "";
  return absl::StrCat("--format must be text or json (or html, for audit and diff), not ", QuoteValue(v));
}

std::string Color(const std::string& v, Options* o) {
  o->color = v;
  if (v == "auto" || v == "always" || v == "never") return "";
  return absl::StrCat("--color must be auto, always or never, not ", QuoteValue(v));
}

std::string RepoTypeValue(const std::string& v, Options* o) {
  o->target_args.repo_type = ParseName<RepoType>(v);
  if (o->target_args.repo_type.has_value()) return "";
  return absl::StrCat("--repo-type must be model, dataset or space, not ", QuoteValue(v));
}

std::string AtValue(const std::string& v, Options* o) {
  if (v == "now") {
    o->at = absl::Now();
    return "";
  }
  o->at = ParseTimestamp(v);
  if (o->at.has_value()) return "";
  return absl::StrCat("--at must be ", kTimestampForms, ", or now; not ", QuoteValue(v));
}

// A whole number of days, 0 to 36500.
std::string Days(absl::string_view flag, const std::string& v, int* days) {
  if (absl::SimpleAtoi(v, days) && *days >= 0 && *days <= 36500) return "";
  return absl::StrCat(flag, " takes a number of days (0 to 36500), not ", QuoteValue(v));
}

// A whole number from 1 to `max`.
std::string Count(absl::string_view flag, const std::string& v, int max, int* count) {
  if (absl::SimpleAtoi(v, count) && *count >= 1 && *count <= max) return "";
  return absl::StrCat(flag, " takes a number from 1 to ", max, ", not ", QuoteValue(v));
}

// One of the spellings of enum E (policy/model/vocabulary.h).
template <typename E>
std::string EnumValue(absl::string_view flag, const std::string& v, absl::optional<E>* value) {
  *value = ParseName<E>(v);
  if (value->has_value()) return "";
  return absl::StrCat(flag, " must be ", absl::StrJoin(NamesOf<E>(), ", "), "; not ", QuoteValue(v));
}

// One row per flag, in enum order (checked below).
constexpr std::array<FlagSpec, 42> kFlags = {{
    {Flag::kToken, Arg::kToken, "", true, [](const std::string& v, Options* o) { o->token = v; return std::string(); }},
    {Flag::kHttp, Arg::kHttp, "", true, [](const std::string& v, Options* o) { o->http = v; return std::string(); }},
    {Flag::kBody, Arg::kBody, "", true,
     [](const std::string& v, Options* o) {
       o->body = v;
       o->has_body = true;
       return std::string();
     }},
    {Flag::kContentType, absl::nullopt, "--content-type", true,
     [](const std::string& v, Options* o) { o->content_type = v; return std::string(); }},
    {Flag::kOperation, Arg::kOperation, "", true,
     [](const std::string& v, Options* o) { o->operation = v; return std::string(); }},
    {Flag::kPermission, Arg::kPermission, "", true,
     [](const std::string& v, Options* o) { o->permission = v; return std::string(); }},
    {Flag::kFromError, Arg::kFromError, "", true,
     [](const std::string& v, Options* o) { o->from_error = v; return std::string(); }},
    {Flag::kRepo, Arg::kRepo, "", true, [](const std::string& v, Options* o) { o->target_args.repo = v; return std::string(); }},
    {Flag::kRepoType, Arg::kRepoType, "", true, RepoTypeValue},
    {Flag::kOrg, Arg::kOrg, "", true, [](const std::string& v, Options* o) { o->target_args.org = v; return std::string(); }},
    {Flag::kUser, Arg::kUser, "", true, [](const std::string& v, Options* o) { o->target_args.user = v; return std::string(); }},
    {Flag::kGroup, Arg::kGroup, "", true,
     [](const std::string& v, Options* o) { o->target_args.group = v; return std::string(); }},
    {Flag::kTo, Arg::kTo, "", true,
     [](const std::string& v, Options* o) {
       o->target_args.to = v;
       o->to_at = static_cast<int>(o->files.size());
       return std::string();
     }},
    {Flag::kWrite, Arg::kWrite, "", false,
     [](const std::string&, Options* o) { o->target_args.write = true; return std::string(); }},
    {Flag::kExistOk, Arg::kExistOk, "", false,
     [](const std::string&, Options* o) { o->target_args.exist_ok = true; return std::string(); }},
    {Flag::kFormat, absl::nullopt, "--format", true, Format},
    {Flag::kColor, absl::nullopt, "--color", true, Color},
    {Flag::kFilter, absl::nullopt, "--filter", true, [](const std::string& v, Options* o) { o->filter = v; return std::string(); }},
    {Flag::kJunit, absl::nullopt, "--junit", true,
     [](const std::string& v, Options* o) {
       o->junit = v;
       return v.empty() ? std::string("--junit needs a file name to write the report to") : std::string();
     }},
    {Flag::kCoverage, absl::nullopt, "--coverage", false,
     [](const std::string&, Options* o) { o->coverage = true; return std::string(); }},
    {Flag::kName, absl::nullopt, "--name", true, [](const std::string& v, Options* o) { o->name = v; return std::string(); }},
    {Flag::kClient, absl::nullopt, "--client", true,
     [](const std::string& v, Options* o) { o->client = v; return std::string(); }},
    {Flag::kAt, absl::nullopt, "--at", true, AtValue},
    {Flag::kExpiringWithin, absl::nullopt, "--expiring-within", true,
     [](const std::string& v, Options* o) { return Days("--expiring-within", v, &o->expiring_within_days); }},
    {Flag::kOlderThan, absl::nullopt, "--older-than", true,
     [](const std::string& v, Options* o) { return Days("--older-than", v, &o->older_than_days); }},
    {Flag::kMaxIssues, absl::nullopt, "--max-issues", true,
     [](const std::string& v, Options* o) { return Count("--max-issues", v, 1000000, &o->load.max_issues_per_file); }},
    {Flag::kMaxChecks, absl::nullopt, "--max-checks", true,
     [](const std::string& v, Options* o) { return Count("--max-checks", v, 100000000, &o->load.max_checks); }},
    {Flag::kPlan, absl::nullopt, "--plan", true,
     [](const std::string& v, Options* o) { return EnumValue("--plan", v, &o->plan); }},
    {Flag::kTokenPolicy, absl::nullopt, "--token-policy", true,
     [](const std::string& v, Options* o) { return EnumValue("--token-policy", v, &o->token_policy); }},
    {Flag::kOut, absl::nullopt, "--out", true,
     [](const std::string& v, Options* o) {
       o->out = v;
       return v.empty() ? std::string("--out needs a directory") : std::string();
     }},
    {Flag::kTokenFile, absl::nullopt, "--token-file", true,
     [](const std::string& v, Options* o) {
       o->token_file = v;
       return v.empty() ? std::string("--token-file needs a file name") : std::string();
     }},
    {Flag::kWhoamiOnly, absl::nullopt, "--whoami-only", false,
     [](const std::string&, Options* o) { o->whoami_only = true; return std::string(); }},
    {Flag::kBatch, absl::nullopt, "--batch", true,
     [](const std::string& v, Options* o) {
       o->batch = v;
       return v.empty() ? std::string("--batch needs a file of JSON lines, or - for stdin") : std::string();
     }},
    {Flag::kJobs, absl::nullopt, "--jobs", true,
     [](const std::string& v, Options* o) { return Count("--jobs", v, 1024, &o->jobs); }},
    {Flag::kOwner, absl::nullopt, "--owner", true,
     [](const std::string& v, Options* o) {
       o->owner = v;
       return v.empty() ? std::string("--owner needs a user's name") : std::string();
     }},
    {Flag::kFor, absl::nullopt, "--for", true,
     [](const std::string& v, Options* o) {
       o->intents = v;
       return v.empty() ? std::string("--for needs an intents file (docs/mint.md)") : std::string();
     }},
    {Flag::kFromLog, absl::nullopt, "--from-log", true,
     [](const std::string& v, Options* o) {
       o->from_log = v;
       return v.empty() ? std::string("--from-log needs a request log (JSON lines)") : std::string();
     }},
    {Flag::kPrefer, absl::nullopt, "--prefer", true,
     [](const std::string& v, Options* o) {
       o->prefer = v;
       if (v == "repo" || v == "group" || v == "org") return std::string();
       return absl::StrCat("--prefer must be repo, group or org, not ", QuoteValue(v));
     }},
    {Flag::kCompare, absl::nullopt, "--compare", true,
     [](const std::string& v, Options* o) {
       o->compare = v;
       return v.empty() ? std::string("--compare needs a token's name") : std::string();
     }},
    {Flag::kLevel, absl::nullopt, "--level", true,
     [](const std::string& v, Options* o) {
       o->level = v;
       if (LevelMethod(v).has_value()) return std::string();
       return absl::StrCat("--level must be see, read or write, not ", QuoteValue(v),
                           v == "admin" ? " (hubperm decides a repo's settings and deletion as write: --level write)" : "");
     }},
    // Repeatable: each --set is one change, applied in order (policy/load/overrides.h).
    {Flag::kSet, absl::nullopt, "--set", true,
     [](const std::string& v, Options* o) {
       o->load.overrides.push_back(v);
       return v.find('=') == std::string::npos
                  ? absl::StrCat("--set takes PATH=VALUE (e.g. orgs.acme.token_policy=require_approval), not ", QuoteValue(v))
                  : std::string();
     }},
    // test --min PERCENT: the coverage below which the run fails.
    {Flag::kMin, absl::nullopt, "--min", true,
     [](const std::string& v, Options* o) {
       absl::string_view text = v;
       absl::ConsumeSuffix(&text, "%");
       double percent = 0;
       if (absl::SimpleAtod(text, &percent) && percent >= 0 && percent <= 100) {
         o->min_coverage = percent;
         return std::string();
       }
       return absl::StrCat("--min takes a percentage from 0 to 100 (80, 62.5 or 80%), not ", QuoteValue(v));
     }},
}};

constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < kFlags.size(); ++i) {
    if (static_cast<size_t>(kFlags[i].flag) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kFlags rows must follow the Flag enum's order");

const FlagSpec* FindSpec(absl::string_view name) {
  for (const FlagSpec& spec : kFlags) {
    if (spec.name() == name) return &spec;
  }
  return nullptr;
}

}  // namespace

absl::string_view FlagName(Flag flag) { return kFlags[static_cast<size_t>(flag)].name(); }

absl::optional<Flag> FindFlag(absl::string_view name) {
  const FlagSpec* spec = FindSpec(name);
  if (spec == nullptr) return absl::nullopt;
  return spec->flag;
}

std::vector<absl::string_view> AllFlagNames() {
  std::vector<absl::string_view> names = {"--help"};
  for (const FlagSpec& spec : kFlags) names.push_back(spec.name());
  return names;
}

bool Options::has(Flag flag) const { return std::find(given.begin(), given.end(), flag) != given.end(); }

std::string ParseArgs(const std::vector<std::string>& raw, Options* o) {
  std::string first_problem;
  auto note = [&first_problem](std::string problem) {
    if (first_problem.empty()) first_problem = std::move(problem);
  };
  // `--flag=value` is `--flag value`; a switch takes no value.
  std::vector<std::string> args;
  for (const std::string& a : raw) {
    const size_t eq = a.find('=');
    if (!absl::StartsWith(a, "--") || eq == std::string::npos) {
      args.push_back(a);
      continue;
    }
    const std::string name = a.substr(0, eq);
    const FlagSpec* spec = FindSpec(name);
    if (name == "--help" || (spec != nullptr && !spec->takes_value)) {
      note(absl::StrCat(name, " takes no value"));
      args.push_back(name);
    } else {
      args.push_back(name);
      args.push_back(a.substr(eq + 1));
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      o->help = true;
      continue;
    }
    if (const FlagSpec* spec = FindSpec(a)) {
      if (o->has(spec->flag) && spec->flag != Flag::kSet) note(absl::StrCat(a, " is given twice; give it once"));
      o->given.push_back(spec->flag);
      std::string value;
      if (spec->takes_value) {
        if (i + 1 >= args.size()) {
          note(absl::StrCat(a, " needs a value"));
          continue;
        }
        value = args[++i];
      }
      note(spec->set(value, o));
    } else if (absl::StartsWith(a, "-") && a != "-") {
      note(absl::StrCat("unknown option ", QuoteValue(a), DidYouMean(a, AllFlagNames())));
    } else if (o->command.empty()) {
      o->command = a;
    } else {
      o->files.push_back(a);
    }
  }
  return first_problem;
}

}  // namespace hubperm
