// Copyright 2026 The hubperm Authors.
//
// policy/testing/random_choice.h: the seeded random choices the world generators make.
//
// One source of randomness with the few draws a generator of test or benchmark worlds needs, so that
// policy/testing/random_world and bench/synthetic_world draw the same way. Deterministic for a seed.
//
//   RandomChoice random(42);
//   if (random.Chance(0.3)) role = random.Pick({OrgRole::kRead, OrgRole::kWrite});

#ifndef HUBPERM_POLICY_TESTING_RANDOM_CHOICE_H_
#define HUBPERM_POLICY_TESTING_RANDOM_CHOICE_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <random>

namespace hubperm {

class RandomChoice {
 public:
  explicit RandomChoice(uint32_t seed) : rng_(seed) {}

  // True with probability `p`, clamped to [0, 1].
  bool Chance(double p) { return std::bernoulli_distribution(std::clamp(p, 0.0, 1.0))(rng_); }
  // Uniform in [0, n); 0 when n <= 0.
  int Below(int n) { return n <= 0 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  // Uniform in [0, limit).
  double Uniform(double limit) { return std::uniform_real_distribution<double>(0.0, limit)(rng_); }
  // One of `values`, each as likely (list a value twice to double its weight).
  template <typename E>
  E Pick(std::initializer_list<E> values) {
    return *(values.begin() + Below(static_cast<int>(values.size())));
  }

 private:
  std::mt19937 rng_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_TESTING_RANDOM_CHOICE_H_
