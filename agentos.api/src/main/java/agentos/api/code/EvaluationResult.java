package agentos.api.code;

import agentos.api.process.ExecResult;
import org.jspecify.annotations.Nullable;

/** The execution result plus the expression's value serialised as JSON ({@code null} when it failed). */
public record EvaluationResult(ExecResult result, @Nullable String valueJson) {}
