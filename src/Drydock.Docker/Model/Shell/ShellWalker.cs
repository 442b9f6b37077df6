namespace Drydock.Docker.Model;

/// <summary>Depth-first, source-order traversal of a shell script.</summary>
internal static class ShellWalker
{
    public static IEnumerable<ShellPipeline> Pipelines(ShellScript script)
    {
        var result = new List<ShellPipeline>();
        Collect(script, result, 0);
        return result.OrderBy(pipeline => pipeline.Span.Start);
    }

    public static IEnumerable<ShellScript> ChildScripts(ShellCommand command)
    {
        switch (command)
        {
            case SimpleCommand simple:
                foreach (var word in simple.Words.Concat(simple.Assignments.Select(assignment => assignment.Value)))
                {
                    foreach (var substitution in word.Substitutions)
                    {
                        yield return substitution;
                    }
                }

                break;
            case ShellSubshell subshell:
                yield return subshell.Body;
                break;
            case ShellBraceGroup group:
                yield return group.Body;
                break;
            case ShellIf conditional:
                foreach (var clause in conditional.Clauses)
                {
                    if (clause.Condition is not null)
                    {
                        yield return clause.Condition;
                    }

                    yield return clause.Body;
                }

                break;
            case ShellCase choice:
                foreach (var substitution in choice.Subject.Substitutions)
                {
                    yield return substitution;
                }

                foreach (var arm in choice.Arms)
                {
                    yield return arm.Body;
                }

                break;
            case ShellLoop loop:
                if (loop.Condition is not null)
                {
                    yield return loop.Condition;
                }

                yield return loop.Body;
                break;
            case ShellFunction function:
                foreach (var inner in ChildScripts(function.Body))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static void Collect(ShellScript script, List<ShellPipeline> result, int depth)
    {
        if (depth > 200)
        {
            return;
        }

        foreach (var andOr in script.Items)
        {
            foreach (var pipeline in andOr.Pipelines)
            {
                result.Add(pipeline);
                foreach (var command in pipeline.Commands)
                {
                    foreach (var child in ChildScripts(command))
                    {
                        Collect(child, result, depth + 1);
                    }
                }
            }
        }
    }
}
