namespace Drydock.Workflows.Parsing;

/// <summary>
/// A node of a parsed <c>${{ }}</c> expression. Offsets are relative to the start of the expression text
/// (the part between <c>${{</c> and <c>}}</c>), so a caller adds the expression's own position.
/// </summary>
public abstract record ExprNode(int Start, int End);

public enum LiteralKind
{
    Null,
    Boolean,
    Number,
    String,
}

public sealed record LiteralNode(LiteralKind Kind, string Text, int Start, int End) : ExprNode(Start, End);

/// <summary>A bare name: a context (<c>github</c>, <c>steps</c>) at the head of an access chain.</summary>
public sealed record IdentifierNode(string Name, int Start, int End) : ExprNode(Start, End);

/// <summary><c>target.name</c>.</summary>
public sealed record PropertyNode(ExprNode Target, string Name, int Start, int End) : ExprNode(Start, End);

/// <summary><c>target[index]</c>.</summary>
public sealed record IndexNode(ExprNode Target, ExprNode Index, int Start, int End) : ExprNode(Start, End);

/// <summary><c>target.*</c>: the object filter.</summary>
public sealed record FilterNode(ExprNode Target, int Start, int End) : ExprNode(Start, End);

public sealed record CallNode(string Name, IReadOnlyList<ExprNode> Arguments, int NameEnd, int Start, int End) : ExprNode(Start, End);

public sealed record UnaryNode(string Operator, ExprNode Operand, int Start, int End) : ExprNode(Start, End);

public sealed record BinaryNode(string Operator, ExprNode Left, ExprNode Right, int Start, int End) : ExprNode(Start, End);

/// <summary>A syntax error at an offset of the expression text.</summary>
public sealed record ExpressionError(string Message, int Offset);

public static class ExprNodes
{
    /// <summary>Every node of a tree, parents before children.</summary>
    public static IEnumerable<ExprNode> Descendants(ExprNode root)
    {
        var stack = new Stack<ExprNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case PropertyNode property: stack.Push(property.Target); break;
                case IndexNode index: stack.Push(index.Index); stack.Push(index.Target); break;
                case FilterNode filter: stack.Push(filter.Target); break;
                case CallNode call: foreach (var argument in call.Arguments.Reverse()) { stack.Push(argument); } break;
                case UnaryNode unary: stack.Push(unary.Operand); break;
                case BinaryNode binary: stack.Push(binary.Right); stack.Push(binary.Left); break;
            }
        }
    }

    /// <summary>
    /// The access path of a chain rooted at a context, e.g. <c>steps.meta.outputs['tags']</c> gives
    /// [steps, meta, outputs, tags]; a computed index or a filter gives "*". Null when the chain is not rooted
    /// at an identifier.
    /// </summary>
    public static IReadOnlyList<string>? AccessPath(ExprNode node)
    {
        var segments = new List<string>();
        var current = node;
        while (true)
        {
            switch (current)
            {
                case IdentifierNode identifier:
                    segments.Add(identifier.Name);
                    segments.Reverse();
                    return segments;
                case PropertyNode property:
                    segments.Add(property.Name);
                    current = property.Target;
                    break;
                case IndexNode { Index: LiteralNode { Kind: LiteralKind.String } literal } index:
                    segments.Add(literal.Text);
                    current = index.Target;
                    break;
                case IndexNode index:
                    segments.Add("*");
                    current = index.Target;
                    break;
                case FilterNode filter:
                    segments.Add("*");
                    current = filter.Target;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>The outermost access chains (not the chains nested inside them as targets).</summary>
    public static IEnumerable<(ExprNode Node, IReadOnlyList<string> Path)> AccessChains(ExprNode root)
    {
        var inner = new HashSet<ExprNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in Descendants(root))
        {
            if (inner.Contains(node))
            {
                continue;
            }

            if (node is PropertyNode or IndexNode or FilterNode or IdentifierNode && AccessPath(node) is { } path)
            {
                var target = node;
                while (target is PropertyNode or IndexNode or FilterNode)
                {
                    target = target switch
                    {
                        PropertyNode property => property.Target,
                        IndexNode index => index.Target,
                        FilterNode filter => filter.Target,
                        _ => target,
                    };
                    inner.Add(target);
                }

                yield return (node, path);
            }
        }
    }
}
