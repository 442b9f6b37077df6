using Drydock.Python.Parsing;

namespace Drydock.Python.Model;

/// <summary>The second half of the walk: calls (with aliases resolved), definitions, argv checks, main blocks, argparse.</summary>
internal sealed partial class PyModuleReader
{
    private void BuildAliases()
    {
        foreach (var import in facts.Imports.Where(import => !import.IsRelative))
        {
            if (!import.IsFrom)
            {
                if (import.Alias is not null) { facts.Aliases[import.Alias] = import.Module; }
                else { facts.Aliases.TryAdd(import.TopLevelName, import.TopLevelName); }
                continue;
            }

            foreach (var name in import.Names.Where(name => name.Name != "*"))
            {
                facts.Aliases[name.LocalName] = import.Module + "." + name.Name;
            }
        }
    }

    private string Qualify(string dotted)
    {
        int dot = dotted.IndexOf('.');
        string head = dot < 0 ? dotted : dotted[..dot];
        return facts.Aliases.TryGetValue(head, out var full) ? full + (dot < 0 ? "" : dotted[dot..]) : dotted;
    }

    private void ExtractCalls()
    {
        foreach (var (statement, placement, _) in visited)
        {
            int end = statement.IsCompound ? statement.ColonToken : statement.EndToken;
            for (int index = statement.FirstToken; index < end; index++)
            {
                if (tokens[index].Kind != PyTokenKind.Name || (index > 0 && IsOp(index - 1, ".")) || KeywordLookup.Contains(text.AsSpan(tokens[index].Start, tokens[index].Length))) { continue; }
                int nameStart = index;
                int cursor = index;
                string callee = ReadDotted(ref cursor, end);
                if (!IsOp(cursor, "(")) { index = Math.Max(index, cursor - 1); continue; }
                int close = MatchingClose(cursor);
                var call = new PyCall(callee, Qualify(callee), tokens[nameStart].Start, tokens[close].End, Line(tokens[nameStart].Start), Arguments(cursor, close), statement, placement);
                facts.Calls.Add(call);
                if (ExitNames.TryGetValue(call.QualifiedName, out var kind) && (kind is not ("exit" or "quit") || !facts.Aliases.ContainsKey(callee)))
                {
                    facts.Exits.Add(new PyExitCall(kind, call, statement, call.Start, call.End, call.Line, placement));
                }
            }

            if (statement.Kind == PyStatementKind.Raise && Qualify(Name(statement.FirstToken + 1)) is "SystemExit" or "builtins.SystemExit")
            {
                facts.Exits.Add(new PyExitCall("raise SystemExit", null, statement, statement.Start, statement.HeaderEnd, Line(statement.Start), placement));
            }
        }

        facts.Calls.Sort((a, b) => a.Start.CompareTo(b.Start));
        facts.Exits.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private int MatchingClose(int open)
    {
        int depth = 0;
        for (int index = open; index < tokens.Count; index++)
        {
            if (tokens[index].Kind is PyTokenKind.Newline or PyTokenKind.EndMarker) { return Math.Max(open, index - 1); }
            if (tokens[index].Kind != PyTokenKind.Operator || tokens[index].Length != 1) { continue; }
            char c = text[tokens[index].Start];
            if (c is '(' or '[' or '{') { depth++; }
            else if (c is ')' or ']' or '}' && --depth == 0) { return index; }
        }

        return tokens.Count - 1;
    }

    private IReadOnlyList<PyArgument> Arguments(int open, int close)
    {
        if (close <= open + 1) { return []; }
        var arguments = new List<PyArgument>();
        int start = open + 1, depth = 0;
        for (int index = open + 1; index <= close; index++)
        {
            bool split = index == close;
            if (!split && tokens[index].Kind == PyTokenKind.Operator && tokens[index].Length == 1)
            {
                char c = text[tokens[index].Start];
                if (c is '(' or '[' or '{') { depth++; }
                else if (c is ')' or ']' or '}') { depth--; }
                else if (c == ',' && depth == 0) { split = true; }
            }

            if (!split || index <= start) { if (split) { start = index + 1; } continue; }
            string? keyword = tokens[start].Kind == PyTokenKind.Name && IsOp(start + 1, "=") ? Name(start) : null;
            int valueStart = keyword is null ? start : start + 2;
            string? value = null;
            if (valueStart < index && Enumerable.Range(valueStart, index - valueStart).All(k => tokens[k].Kind == PyTokenKind.String))
            {
                value = string.Concat(Enumerable.Range(valueStart, index - valueStart).Select(k => PyStringLiteral.ValueOf(text, tokens[k])));
            }

            int valueOffset = valueStart < index ? tokens[valueStart].Start : tokens[index - 1].End;
            arguments.Add(new PyArgument(keyword, valueStart, index, tokens[start].Start, tokens[index - 1].End, valueOffset, value) { SourceText = text });
            start = index + 1;
        }

        return arguments;
    }

    private void ExtractDefinitions()
    {
        var methods = new Dictionary<PyStatement, List<PyFunction>>();
        foreach (var (statement, placement, className) in visited)
        {
            if (statement.Kind is not (PyStatementKind.FunctionDef or PyStatementKind.ClassDef)) { continue; }
            int keyword = statement.IsAsync ? statement.FirstToken + 1 : statement.FirstToken;
            var decorators = statement.Decorators.Select(decorator =>
            {
                int nameIndex = decorator.FirstToken + 1;
                string name = ReadDotted(ref nameIndex, decorator.EndToken);
                var call = facts.Calls.FirstOrDefault(candidate => candidate.Start == tokens[decorator.FirstToken + 1].Start);
                return new PyDecorator(Span(decorator.FirstToken + 1, decorator.EndToken), Qualify(name), call, decorator.Start, decorator.HeaderEnd, Line(decorator.Start));
            }).ToList();
            if (statement.Kind == PyStatementKind.FunctionDef)
            {
                var function = new PyFunction(Name(keyword + 1), className, statement.IsAsync, decorators, statement, Line(statement.Start), placement);
                facts.Functions.Add(function);
                if (statement.Parent is { Kind: PyStatementKind.ClassDef } owner)
                {
                    if (!methods.TryGetValue(owner, out var list)) { methods[owner] = list = []; }
                    list.Add(function);
                }
            }
            else
            {
                facts.Classes.Add(new PyClass(Name(keyword + 1), decorators, methods.TryGetValue(statement, out var list) ? list : [], statement, Line(statement.Start), placement));
            }
        }

        // Methods are seen after their class; attach them now.
        for (int k = 0; k < facts.Classes.Count; k++)
        {
            var cls = facts.Classes[k];
            if (methods.TryGetValue(cls.Statement, out var list)) { facts.Classes[k] = cls with { Methods = list }; }
        }
    }

    private bool IsArgvAt(int index) =>
        (IsName(index, "argv") && !IsOp(index - 1, ".") && Qualify("argv") == "sys.argv")
        || (tokens[index].Kind == PyTokenKind.Name && IsOp(index + 1, ".") && IsName(index + 2, "argv") && Qualify(Name(index)) == "sys");

    private void ExtractArgv()
    {
        foreach (var (statement, placement, _) in visited)
        {
            int end = statement.IsCompound ? statement.ColonToken : statement.EndToken;
            bool reads = false;
            for (int index = statement.FirstToken; index < end; index++)
            {
                if (!IsArgvAt(index)) { continue; }
                facts.ArgvReads.Add((tokens[index].Start, Line(tokens[index].Start), placement));
                reads = true;
            }

            if (!reads || statement.Kind is not (PyStatementKind.If or PyStatementKind.Elif or PyStatementKind.While)) { continue; }
            var flags = Enumerable.Range(statement.FirstToken + 1, Math.Max(0, end - statement.FirstToken - 1))
                .Where(index => tokens[index].Kind == PyTokenKind.String)
                .Select(index => PyStringLiteral.ValueOf(text, tokens[index]) ?? "")
                .ToList();
            var owner = statement.Kind == PyStatementKind.Elif ? visited.First(entry => entry.Statement.Clauses.Contains(statement)).Statement : statement;
            var later = owner.Clauses.SkipWhile(clause => clause != statement && statement != owner).Where(clause => clause != statement).ToList();
            facts.ArgvChecks.Add(new PyArgvCheck(Span(statement.FirstToken + 1, end), flags, statement, Line(statement.Start),
                CallsIn(statement.Body), [.. later.SelectMany(clause => CallsIn(clause.Body))], placement));
        }
    }

    private List<PyCall> CallsIn(IReadOnlyList<PyStatement> body) =>
        body.Count == 0 ? [] : [.. facts.Calls.Where(call => call.Start >= body[0].Start && call.Start < body[^1].End)];

    private void ExtractMainBlocks()
    {
        foreach (var statement in mainStatements)
        {
            var calls = CallsIn(statement.Body);
            int start = statement.Body.Count > 0 ? statement.Body[0].Start : statement.End;
            var checks = facts.ArgvChecks.Where(check => check.Statement.Start >= start && check.Statement.Start < statement.End).ToList();
            var exits = facts.Exits.Where(exit => exit.Start >= start && exit.Start < statement.End).ToList();
            facts.MainBlocks.Add(new PyMainBlock(statement, Line(statement.Start), calls, checks, exits, Summarize(statement.Body)));
        }
    }

    /// <summary>A one-line account of what a block does: the calls of each statement and the branches on conditions.</summary>
    private string Summarize(IReadOnlyList<PyStatement> body)
    {
        var parts = new List<string>();
        foreach (var statement in body)
        {
            if (statement.Kind == PyStatementKind.If)
            {
                var branches = statement.WithClauses().Select(clause =>
                {
                    string head = clause.Kind == PyStatementKind.Else ? "else" : $"{(clause.Kind == PyStatementKind.If ? "if" : "elif")} {Span(clause.FirstToken + 1, clause.ColonToken)}";
                    return $"{head}: {Summarize(clause.Body)}";
                });
                parts.Add(string.Join("; ", branches));
                continue;
            }

            var calls = facts.Calls.Where(call => call.Start >= statement.Start && call.Start < statement.End && call.Statement == statement).Select(call => call.Callee + "()").ToList();
            parts.Add(statement.Kind switch
            {
                PyStatementKind.Return or PyStatementKind.Pass or PyStatementKind.Raise => Span(statement.FirstToken, statement.EndToken),
                _ when calls.Count > 0 => string.Join(", ", calls),
                _ when statement.IsCompound => $"{Span(statement.FirstToken, statement.ColonToken)}: {Summarize(statement.Body)}",
                _ => Span(statement.FirstToken, statement.EndToken),
            });
        }

        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }

    private void ExtractArgparse()
    {
        var parsers = facts.Calls.Where(call => call.QualifiedName is "argparse.ArgumentParser" || call.Callee.EndsWith("ArgumentParser", StringComparison.Ordinal)).ToList();
        var arguments = facts.Calls.Where(call => call.Callee.EndsWith(".add_argument", StringComparison.Ordinal)).Select(call =>
        {
            var positional = call.Arguments.TakeWhile(argument => argument.Keyword is null && argument.StringValue is not null).Select(argument => argument.StringValue!).ToList();
            var options = positional.Where(value => value.StartsWith('-')).ToList();
            return new PyArgparseArgument(options, options.Count == 0 ? positional.FirstOrDefault() : null, call);
        }).ToList();
        var parseCalls = facts.Calls.Where(call => call.Callee.EndsWith(".parse_args", StringComparison.Ordinal) || call.Callee.EndsWith(".parse_known_args", StringComparison.Ordinal) || call.Callee.EndsWith(".parse_intermixed_args", StringComparison.Ordinal)).ToList();
        bool subparsers = facts.Calls.Any(call => call.Callee.EndsWith(".add_subparsers", StringComparison.Ordinal));
        facts.Argparse = new PyArgparse(parsers, arguments, parseCalls, subparsers);
    }
}
