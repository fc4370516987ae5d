// Copyright 2026 The hubperm Authors.

#include "cli/safe_output.h"

#include "policy/hubperm.h"

namespace hubperm {

SafeOutput::SafeOutput(std::ostream& target, bool allow_style)
    : target_(target), allow_style_(allow_style), stream_(this) {}

SafeOutput::~SafeOutput() {
  Drain(/*final=*/true);
  target_.flush();
}

SafeOutput::int_type SafeOutput::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  pending_.push_back(traits_type::to_char_type(c));
  if (pending_.size() >= 4096) Drain(/*final=*/false);
  return c;
}

std::streamsize SafeOutput::xsputn(const char* s, std::streamsize n) {
  pending_.append(s, static_cast<size_t>(n));
  if (pending_.size() >= 4096) Drain(/*final=*/false);
  return n;
}

int SafeOutput::sync() {
  Drain(/*final=*/false);
  target_.flush();
  return 0;
}

void SafeOutput::Drain(bool final) {
  escaped_.clear();
  const size_t consumed = AppendTerminalSafe(pending_, allow_style_, final, &escaped_);
  pending_.erase(0, consumed);
  target_.write(escaped_.data(), static_cast<std::streamsize>(escaped_.size()));
}

}  // namespace hubperm
