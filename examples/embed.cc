// Copyright 2026 The hubperm Authors.
//
// examples/embed.cc: hubperm embedded in a C++ program, through its one header.
//
// Loads the founding world and asks the founding question: may alice's fine-grained token
// `limited-test-token` create a model in org acme? (It may not: the user side allows, through her
// resource group; the token side does not.) Then asks it again as a huggingface_hub method, from four
// threads at once on the same engine.
//
//   bazel run //examples:embed -- "$PWD/testdata/founding/world.yaml"

#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "policy/hubperm.h"

int main(int argc, char** argv) {
  const std::string world = argc > 1 ? argv[1] : "testdata/founding/world.yaml";

  // Load, validate and compile once. Every problem of the input is an issue with its position.
  const hubperm::LoadResult loaded = hubperm::Engine::Load({world});
  std::cerr << loaded.RenderIssues();
  if (!loaded.ok()) return 2;
  const hubperm::Engine& engine = *loaded.engine;

  // The request as the Hub's API receives it: POST /api/repos/create with its body.
  hubperm::RequestInput input;
  input.http = "POST /api/repos/create";
  input.body = hubperm::RequestBody::Json({{"type", "model"}, {"name", "whatever_you_want"}, {"organization", "acme"}});
  const absl::StatusOr<hubperm::ResolvedRequest> request = engine.Resolve("limited-test-token", input);
  if (!request.ok()) {
    std::cerr << "bad request: " << request.status().message() << "\n";
    return 2;
  }

  // Decide (a const call that cannot fail), then explain.
  const hubperm::Decision decision = engine.Check(*request);
  std::cout << "allowed: " << (decision.allowed ? "yes" : "no") << ", the Hub would answer " << decision.status
            << "\n";
  std::cout << "user side " << (decision.user.allowed ? "allows" : "denies") << ", token side "
            << (decision.token.allowed ? "allows" : "denies") << "\n\n";
  const hubperm::Explanation explanation = engine.Explain(*request, decision);
  std::cout << hubperm::RenderExplanation(explanation);
  for (const hubperm::Fix& fix : explanation.fixes) std::cout << "fix: " << fix.text << "\n";

  // The same question as a huggingface_hub method, from four threads sharing the engine.
  hubperm::RequestInput method;
  method.operation = "create_repo";
  method.target.repo = "acme/whatever_you_want";
  std::vector<int> statuses(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&engine, &method, &statuses, i] {
      const absl::StatusOr<hubperm::ResolvedRequest> r = engine.Resolve("limited-test-token", method);
      statuses[i] = r.ok() ? engine.Check(*r).status : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  std::cout << "\nas create_repo, from " << statuses.size() << " threads:";
  for (int status : statuses) std::cout << " " << status;
  std::cout << "\n";
  return 0;
}
