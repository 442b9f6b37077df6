using System.Globalization;

namespace Drydock.Workflows.Parsing;

/// <summary>
/// Lexer and recursive-descent parser for the GitHub Actions expression language: literals (null, booleans,
/// numbers, single-quoted strings), context access with <c>.name</c>, <c>[index]</c> and <c>.*</c>, function
/// calls, and the operators <c>! &lt; &lt;= &gt; &gt;= == != &amp;&amp; ||</c> with their documented precedence.
/// </summary>
public sealed class ExpressionParser
{
    private readonly string text;
    private readonly List<Token> tokens = [];
    private int next;

    private ExpressionParser(string text)
    {
        this.text = text;
    }

    private enum TokenKind
    {
        Name,
        Number,
        String,
        Punct,
        End,
    }

    /// <summary>Parses an expression; returns the tree, or null and the first error.</summary>
    public static ExprNode? Parse(string text, out ExpressionError? error)
    {
        var parser = new ExpressionParser(text);
        error = parser.Lex();
        if (error is not null)
        {
            return null;
        }

        try
        {
            if (parser.Peek.Kind == TokenKind.End)
            {
                error = new ExpressionError("the expression is empty", 0);
                return null;
            }

            var node = parser.ParseOr(0);
            if (parser.Peek.Kind != TokenKind.End)
            {
                error = new ExpressionError($"unexpected '{parser.Peek.Text}' after the end of the expression", parser.Peek.Start);
                return null;
            }

            return node;
        }
        catch (SyntaxError e)
        {
            error = new ExpressionError(e.Message, e.Offset);
            return null;
        }
    }

    private Token Peek => tokens[next];

    private ExpressionError? Lex()
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (c == '\'')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return new ExpressionError("a string literal is not closed with '", start);
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    i++;
                }

                tokens.Add(new Token(TokenKind.String, text[(start + 1)..(i - 1)].Replace("''", "'", StringComparison.Ordinal), start, i));
                continue;
            }

            if (c == '"')
            {
                return new ExpressionError("strings in expressions use single quotes ('...'), not double quotes", start);
            }

            if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.') && PreviousAllowsSign()))
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.' || ((text[i] is '-' or '+') && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                string number = text[start..i];
                if (!IsNumber(number))
                {
                    return new ExpressionError($"'{number}' is not a valid number", start);
                }

                tokens.Add(new Token(TokenKind.Number, number, start, i));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start, i));
                continue;
            }

            string two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
            {
                tokens.Add(new Token(TokenKind.Punct, two, start, i + 2));
                i += 2;
                continue;
            }

            if (c is '(' or ')' or '[' or ']' or '.' or ',' or '!' or '<' or '>' or '*')
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString(), start, i + 1));
                i++;
                continue;
            }

            if (c == '=')
            {
                return new ExpressionError("'=' is not an operator; compare with '=='", start);
            }

            if (c == '&' || c == '|')
            {
                return new ExpressionError($"'{c}' is not an operator; use '{c}{c}'", start);
            }

            return new ExpressionError($"unexpected character '{c}'", start);
        }

        tokens.Add(new Token(TokenKind.End, "end of expression", text.Length, text.Length));
        return null;
    }

    private bool PreviousAllowsSign() =>
        tokens.Count == 0 || tokens[^1] is { Kind: TokenKind.Punct, Text: not (")" or "]") };

    private static bool IsNumber(string number)
    {
        string body = number.TrimStart('-', '+');
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return body.Length > 2 && long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);
        }

        if (body.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            return body.Length > 2 && body[2..].All(digit => digit is >= '0' and <= '7');
        }

        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private Token Take() => tokens[next++];

    private Token Expect(string punct, string what)
    {
        if (Peek is { Kind: TokenKind.Punct } token && token.Text == punct)
        {
            return Take();
        }

        throw new SyntaxError($"expected '{punct}' {what}, found '{Peek.Text}'", Peek.Start);
    }

    private static readonly string[][] BinaryLevels = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="]];

    private ExprNode ParseOr(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseOr(level + 1);
        while (Peek.Kind == TokenKind.Punct && Array.IndexOf(BinaryLevels[level], Peek.Text) >= 0)
        {
            string op = Take().Text;
            var right = ParseOr(level + 1);
            left = new BinaryNode(op, left, right, left.Start, right.End);
        }

        return left;
    }

    private ExprNode ParseUnary()
    {
        if (Peek is { Kind: TokenKind.Punct, Text: "!" })
        {
            var bang = Take();
            var operand = ParseUnary();
            return new UnaryNode("!", operand, bang.Start, operand.End);
        }

        return ParsePostfix(ParsePrimary());
    }

    private ExprNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralNode(LiteralKind.Number, token.Text, token.Start, token.End);
            case TokenKind.String:
                return new LiteralNode(LiteralKind.String, token.Text, token.Start, token.End);
            case TokenKind.Name:
                switch (token.Text)
                {
                    case "true" or "false":
                        return new LiteralNode(LiteralKind.Boolean, token.Text, token.Start, token.End);
                    case "null":
                        return new LiteralNode(LiteralKind.Null, token.Text, token.Start, token.End);
                }

                if (Peek is { Kind: TokenKind.Punct, Text: "(" })
                {
                    return ParseCall(token);
                }

                return new IdentifierNode(token.Text, token.Start, token.End);
            case TokenKind.Punct when token.Text == "(":
                var inner = ParseOr(0);
                var close = Expect(")", "to close '('");
                return inner with { Start = token.Start, End = close.End };
            case TokenKind.End:
                throw new SyntaxError("the expression ends where a value was expected", token.Start);
            default:
                throw new SyntaxError($"unexpected '{token.Text}' where a value was expected", token.Start);
        }
    }

    private CallNode ParseCall(Token name)
    {
        Take();
        var arguments = new List<ExprNode>();
        if (Peek is not { Kind: TokenKind.Punct, Text: ")" })
        {
            arguments.Add(ParseOr(0));
            while (Peek is { Kind: TokenKind.Punct, Text: "," })
            {
                Take();
                arguments.Add(ParseOr(0));
            }
        }

        var close = Expect(")", $"to close the call of {name.Text}()");
        return new CallNode(name.Text, arguments, name.End, name.Start, close.End);
    }

    private ExprNode ParsePostfix(ExprNode node)
    {
        while (Peek.Kind == TokenKind.Punct)
        {
            if (Peek.Text == ".")
            {
                Take();
                var member = Take();
                node = member switch
                {
                    { Kind: TokenKind.Name } => new PropertyNode(node, member.Text, node.Start, member.End),
                    { Kind: TokenKind.Punct, Text: "*" } => new FilterNode(node, node.Start, member.End),
                    _ => throw new SyntaxError($"expected a property name after '.', found '{member.Text}'", member.Start),
                };
            }
            else if (Peek.Text == "[")
            {
                Take();
                ExprNode index = Peek is { Kind: TokenKind.Punct, Text: "*" } star
                    ? new LiteralNode(LiteralKind.String, "*", Take().Start, star.End)
                    : ParseOr(0);
                var close = Expect("]", "to close '['");
                node = new IndexNode(node, index, node.Start, close.End);
            }
            else
            {
                break;
            }
        }

        return node;
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Start, int End);

    private sealed class SyntaxError(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
