namespace Gatehouse.Cedar.Evaluation;

/// <summary>An expression compiled to a closure: evaluates against one request with no tree walking.</summary>
internal delegate CedarValue CompiledExpr(EvaluationContext context);
