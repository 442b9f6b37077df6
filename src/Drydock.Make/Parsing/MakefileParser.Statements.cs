using Drydock.Make.Model;

namespace Drydock.Make.Parsing;

/// <summary>Directives, assignments and rules: what a non-recipe logical line can be.</summary>
public sealed partial class MakefileParser
{
    private readonly record struct Modifiers(bool Override, bool Export, bool Private)
    {
        public bool Any => Override || Export || Private;
    }

    private bool IsKeywordAt(int at, string word, int end) =>
        end - at >= word.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0
        && (at + word.Length == end || MakeText.IsBlank(text, at + word.Length, end));

    private int SkipBlanks(int at, int end)
    {
        while (at < end && MakeText.IsBlank(text, at, end))
        {
            at++;
        }

        return at;
    }

    /// <summary>Reads <c>override</c>, <c>export</c>, <c>private</c> in front of an assignment or define.</summary>
    private Modifiers ReadModifiers(ref int cursor, int end)
    {
        var modifiers = default(Modifiers);
        while (true)
        {
            if (IsKeywordAt(cursor, "override", end))
            {
                modifiers = modifiers with { Override = true };
                cursor = SkipBlanks(cursor + "override".Length, end);
            }
            else if (IsKeywordAt(cursor, "export", end))
            {
                modifiers = modifiers with { Export = true };
                cursor = SkipBlanks(cursor + "export".Length, end);
            }
            else if (IsKeywordAt(cursor, "private", end))
            {
                modifiers = modifiers with { Private = true };
                cursor = SkipBlanks(cursor + "private".Length, end);
            }
            else
            {
                return modifiers;
            }
        }
    }

    private bool ReadDirective(string keyword, MakeSpan content, int line, int end, ref int position)
    {
        int cursor = content.Start;
        var modifiers = ReadModifiers(ref cursor, content.End);
        if (modifiers.Any && cursor >= content.End)
        {
            // `export` alone exports every variable; `override` alone does nothing.
            if (modifiers.Export)
            {
                Add(new MakeDirective { Kind = DirectiveKind.Export, Keyword = new MakeWord("export", new MakeSpan(content.Start, content.Start + 6)), Arguments = [], Span = content, Line = line, Condition = Condition }, end);
            }

            return true;
        }

        if (IsKeywordAt(cursor, "define", content.End))
        {
            ReadDefine(content, cursor, line, modifiers, ref position);
            return true;
        }

        if (modifiers.Override && IsKeywordAt(cursor, "undefine", content.End))
        {
            Add(new MakeDirective { Kind = DirectiveKind.Undefine, Keyword = new MakeWord("undefine", new MakeSpan(cursor, cursor + 8)), Arguments = MakeText.Words(text, SkipBlanks(cursor + 8, content.End), content.End), Span = content, Line = line, Condition = Condition }, end);
            return true;
        }

        if (modifiers.Any)
        {
            if (ReadAssignment(new MakeSpan(cursor, content.End), line, [], modifiers, content.Start) is { } assignment)
            {
                Add(assignment, end);
                return true;
            }

            if (modifiers is { Export: true, Override: false })
            {
                Add(new MakeDirective { Kind = DirectiveKind.Export, Keyword = new MakeWord("export", new MakeSpan(content.Start, content.Start + 6)), Arguments = MakeText.Words(text, cursor, content.End), Span = content, Line = line, Condition = Condition }, end);
                return true;
            }

            return false;
        }

        DirectiveKind? kind = keyword switch
        {
            "include" => DirectiveKind.Include,
            "-include" or "sinclude" => DirectiveKind.OptionalInclude,
            "unexport" => DirectiveKind.Unexport,
            "undefine" => DirectiveKind.Undefine,
            "vpath" => DirectiveKind.VPath,
            "load" or "-load" => DirectiveKind.Load,
            _ => null,
        };
        int after = SkipBlanks(content.Start + keyword.Length, content.End);
        if (kind is null || !IsKeywordAt(content.Start, keyword, content.End) || (after < content.End && text[after] is '=' or ':')
            || (after + 1 < content.End && text[after + 1] == '=' && text[after] is '+' or '?' or '!'))
        {
            return false;
        }

        Add(new MakeDirective
        {
            Kind = kind.Value,
            Keyword = new MakeWord(keyword, new MakeSpan(content.Start, content.Start + keyword.Length)),
            Arguments = MakeText.Words(text, after, content.End),
            Span = content,
            Line = line,
            Condition = Condition,
        }, end);
        return true;
    }

    private void ReadDefine(MakeSpan content, int cursor, int line, Modifiers modifiers, ref int position)
    {
        rule = null;
        int nameStart = SkipBlanks(cursor + "define".Length, content.End);
        var header = MakeText.Words(text, nameStart, content.End);
        var name = header.Count > 0 ? header[0] : new MakeWord("", new MakeSpan(nameStart, nameStart));
        var op = header.Count > 1 ? OperatorOf(header[1].Text) ?? AssignmentOperator.Recursive : AssignmentOperator.Recursive;
        if (name.Text.EndsWith('='))
        {
            // `define NAME:=` with no blank before the operator.
            int at = name.Text.IndexOfAny([':', '+', '?', '!', '=']);
            op = OperatorOf(name.Text[at..]) ?? AssignmentOperator.Recursive;
            name = new MakeWord(name.Text[..at], new MakeSpan(name.Span.Start, name.Span.Start + at));
        }

        int bodyStart = position;
        int depth = 1;
        while (position < text.Length)
        {
            int lineStart = position;
            int newline = text.IndexOf('\n', position);
            position = newline < 0 ? text.Length : newline + 1;
            if (text[lineStart] == recipePrefix)
            {
                continue;
            }

            int first = SkipBlanks(lineStart, newline < 0 ? text.Length : newline);
            int lineEnd = newline < 0 ? text.Length : newline;
            if (IsKeywordAt(first, "define", lineEnd) || (IsKeywordAt(first, "override", lineEnd) && text.AsSpan(first, lineEnd - first).Contains("define", StringComparison.Ordinal)))
            {
                depth++;
            }
            else if (IsKeywordAt(first, "endef", lineEnd) || (lineEnd - first >= 5 && string.CompareOrdinal(text, first, "endef", 0, 5) == 0 && (first + 5 == lineEnd || text[first + 5] is '#' or '\r')))
            {
                if (--depth == 0)
                {
                    string body = text[bodyStart..lineStart].TrimEnd('\n').TrimEnd('\r');
                    statements.Add(new MakeAssignment
                    {
                        Name = name, Operator = op, Value = body, IsDefine = true, IsOverride = modifiers.Override, IsExport = modifiers.Export,
                        IsPrivate = modifiers.Private, Span = new MakeSpan(content.Start, lineEnd), Line = line, Condition = Condition,
                    });
                    statementEnds[line] = source.Position(lineEnd).Line;
                    return;
                }
            }
        }

        problems.Add(new MakeProblem("missing 'endef', unterminated 'define'", content, line));
    }

    private static AssignmentOperator? OperatorOf(string op) => op switch
    {
        "=" => AssignmentOperator.Recursive,
        ":=" or "::=" or ":::=" => AssignmentOperator.Simple,
        "?=" => AssignmentOperator.Conditional,
        "+=" => AssignmentOperator.Append,
        "!=" => AssignmentOperator.Shell,
        _ => null,
    };

    /// <summary>
    /// An assignment as make recognises one: a name (no blank inside, references allowed) then an operator. A blank
    /// followed by anything but an operator means the line is not an assignment (<c>echo a=b</c> is not one).
    /// </summary>
    private MakeAssignment? ReadAssignment(MakeSpan content, int line, IReadOnlyList<MakeWord> forTargets, Modifiers modifiers = default, int? statementStart = null)
    {
        int i = content.Start;
        int nameEnd = -1;
        while (i < content.End)
        {
            char c = text[i];
            if (c == '$' && nameEnd < 0)
            {
                i = MakeText.ReferenceEnd(text, i, content.End);
                continue;
            }

            if (MakeText.IsBlank(text, i, content.End))
            {
                if (nameEnd < 0)
                {
                    nameEnd = i;
                }

                i++;
                continue;
            }

            int opLength = c switch
            {
                '=' => 1,
                ':' when Follows(i, "::=") => 4,
                ':' when Follows(i, ":=") => 3,
                ':' when Follows(i, "=") => 2,
                '+' or '?' or '!' when Follows(i, "=") => 2,
                _ => 0,
            };
            if (opLength > 0)
            {
                int nameStop = nameEnd < 0 ? i : nameEnd;
                if (nameStop == content.Start)
                {
                    return null;
                }

                var op = OperatorOf(text.Substring(i, opLength))!.Value;
                int valueStart = SkipBlanks(i + opLength, content.End);
                return new MakeAssignment
                {
                    Name = new MakeWord(text[content.Start..nameStop], new MakeSpan(content.Start, nameStop)),
                    Operator = op,
                    Value = MakeText.Collapse(text, valueStart, content.End),
                    IsOverride = modifiers.Override,
                    IsExport = modifiers.Export,
                    IsPrivate = modifiers.Private,
                    ForTargets = forTargets,
                    Span = new MakeSpan(statementStart ?? content.Start, content.End),
                    Line = line,
                    Condition = Condition,
                };
            }

            if (nameEnd >= 0 || c is ':' or '#')
            {
                return null;
            }

            i++;
        }

        return null;
    }

    /// <summary>True when <paramref name="tail"/> follows the character at <paramref name="at"/>.</summary>
    private bool Follows(int at, string tail) =>
        at + 1 + tail.Length <= text.Length && string.CompareOrdinal(text, at + 1, tail, 0, tail.Length) == 0;

    private bool ReadRule(int end, MakeSpan content, int line)
    {
        int stop = MakeText.IndexOfUnreferenced(text, content.Start, end, ";#");
        bool hasInlineRecipe = stop >= 0 && text[stop] == ';';
        int ruleEnd = hasInlineRecipe ? stop : content.End;
        int colon = MakeText.IndexOfUnreferenced(text, content.Start, ruleEnd, ":");
        if (colon < 0)
        {
            return false;
        }

        bool grouped = colon > content.Start && text[colon - 1] == '&';
        bool doubleColon = colon + 1 < ruleEnd && text[colon + 1] == ':';
        int rest = colon + (doubleColon ? 2 : 1);
        var targets = MakeText.Words(text, content.Start, grouped ? colon - 1 : colon);
        var restSpan = MakeText.Trim(text, rest, ruleEnd);
        int cursor = restSpan.Start;
        var modifiers = ReadModifiers(ref cursor, restSpan.End);
        if (!doubleColon && ReadAssignment(new MakeSpan(cursor, restSpan.End), line, targets, modifiers, content.Start) is { } targetVariable)
        {
            Add(targetVariable, end);
            rule = null;
            return true;
        }

        int secondColon = MakeText.IndexOfUnreferenced(text, rest, ruleEnd, ":");
        MakeWord? staticPattern = null;
        int prerequisitesStart = rest;
        if (secondColon >= 0)
        {
            staticPattern = MakeText.Words(text, rest, secondColon).FirstOrDefault();
            prerequisitesStart = secondColon + 1;
        }

        int bar = MakeText.IndexOfUnreferenced(text, prerequisitesStart, ruleEnd, "|");
        var made = new MakeRule
        {
            Targets = targets,
            Prerequisites = MakeText.Words(text, prerequisitesStart, bar < 0 ? ruleEnd : bar),
            OrderOnly = bar < 0 ? [] : MakeText.Words(text, bar + 1, ruleEnd),
            StaticPattern = staticPattern,
            IsDoubleColon = doubleColon,
            IsGrouped = grouped,
            Span = new MakeSpan(content.Start, hasInlineRecipe ? end : content.End),
            Line = line,
            Condition = Condition,
        };
        Add(made, end);
        rule = made;
        if (hasInlineRecipe)
        {
            AddRecipeLine(SkipBlanks(stop + 1, end), end, isInline: true);
        }

        return true;
    }
}
