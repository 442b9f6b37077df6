using Drydock.Docker.Model;
using Drydock.Text;

namespace Drydock.Docker.Parsing;

/// <summary>
/// Parses a Dockerfile the way BuildKit's frontend reads it: parser directives at the top, comment and blank
/// lines, instructions with continuation lines (either escape character, comment lines inside), heredocs for
/// RUN/COPY/ADD, flags, JSON and shell forms, ONBUILD. Never throws: every syntax error becomes a
/// <see cref="DockerfileProblem"/> with its position, and the parse goes on at the next line.
/// </summary>
public static class DockerfileParser
{
    private static readonly HashSet<string> JsonCapable = new(StringComparer.Ordinal) { "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME" };
    private static readonly HashSet<string> HeredocCapable = new(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    public static DockerfileDocument Parse(SourceText source, DockerfileParseOptions? options = null)
    {
        var state = new ParseState(source);
        state.Run();
        return new DockerfileDocument(source, options ?? DockerfileParseOptions.Default, state.Directives, state.Instructions, state.Problems, state.Comments, state.Escape);
    }

    private sealed class ParseState(SourceText source)
    {
        private readonly string text = source.Text;
        private readonly List<(int Start, int End)> lines = SplitLines(source.Text);
        private int line;

        public List<ParserDirective> Directives { get; } = [];

        public List<Instruction> Instructions { get; } = [];

        public List<DockerfileProblem> Problems { get; } = [];

        public List<TextSpan> Comments { get; } = [];

        public char Escape { get; private set; } = '\\';

        public void Run()
        {
            ReadDirectives();
            while (line < lines.Count)
            {
                var (start, end) = lines[line];
                int first = SkipBlanks(start, end);
                if (first == end)
                {
                    line++;
                    continue;
                }

                if (text[first] == '#')
                {
                    Comments.Add(new TextSpan(first, end));
                    line++;
                    continue;
                }

                ReadInstruction(first);
            }
        }

        private void ReadDirectives()
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (line < lines.Count)
            {
                var (start, end) = lines[line];
                int first = SkipBlanks(start, end);
                if (first == end || text[first] != '#' || !TryDirective(first + 1, end, out var directive))
                {
                    return;
                }

                if (!seen.Add(directive.Name))
                {
                    Problems.Add(new DockerfileProblem($"only one '{directive.Name}' parser directive can be used", directive.Span));
                }
                else if (directive.Name == "escape")
                {
                    if (directive.Value is "\\" or "`")
                    {
                        Escape = directive.Value[0];
                    }
                    else
                    {
                        Problems.Add(new DockerfileProblem($"invalid escape token '{directive.Value}': it must be \\ or `", directive.ValueSpan));
                    }
                }

                Directives.Add(directive);
                line++;
            }
        }

        private bool TryDirective(int index, int end, out ParserDirective directive)
        {
            directive = null!;
            int start = index - 1;
            index = SkipBlanks(index, end);
            int nameStart = index;
            while (index < end && char.IsAsciiLetterOrDigit(text[index]))
            {
                index++;
            }

            string name = text[nameStart..index].ToLowerInvariant();
            if (name is not ("syntax" or "escape" or "check"))
            {
                return false;
            }

            index = SkipBlanks(index, end);
            if (index >= end || text[index] != '=')
            {
                return false;
            }

            int valueStart = SkipBlanks(index + 1, end);
            int valueEnd = end;
            while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            directive = new ParserDirective(name, text[valueStart..valueEnd], new TextSpan(start, end), new TextSpan(valueStart, valueEnd));
            return true;
        }

        private void ReadInstruction(int first)
        {
            var map = new SourceMap();
            var comments = new List<TextSpan>();
            int lastContentEnd;
            int lineStart = first;
            while (true)
            {
                var (_, end) = lines[line];
                lastContentEnd = end;
                int escapeAt = ContinuationEscape(lineStart, end);
                line++;
                if (escapeAt < 0)
                {
                    map.Append(text, lineStart, end);
                    break;
                }

                map.Append(text, lineStart, escapeAt);

                // Comment lines and blank lines inside a continuation are dropped by the builder.
                while (line < lines.Count)
                {
                    var (nextStart, nextEnd) = lines[line];
                    int nonBlank = SkipBlanks(nextStart, nextEnd);
                    if (nonBlank == nextEnd)
                    {
                        line++;
                    }
                    else if (text[nonBlank] == '#')
                    {
                        comments.Add(new TextSpan(nonBlank, nextEnd));
                        line++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (line >= lines.Count)
                {
                    break;
                }

                lineStart = lines[line].Start;
            }

            var heredocs = new List<Heredoc>();
            var syntax = ParseSyntax(map, comments);
            if (HeredocCapable.Contains(syntax.Keyword) && syntax.Json is null)
            {
                foreach (var word in syntax.Words.Where(word => word.IsHeredocMarker))
                {
                    HeredocMarker.TryParse(word.Raw, Escape, out var marker);
                    heredocs.Add(ReadHeredocBody(word, marker, ref lastContentEnd));
                }
            }

            int lastLine = source.Position(Math.Max(first, lastContentEnd - 1)).Line;
            var span = new TextSpan(first, Math.Max(first, lastContentEnd));
            var parts = syntax.ToParts(span, source.Position(first).Line, lastLine, Escape, text, heredocs, comments);
            var instruction = Create(syntax.Keyword, parts);
            Validate(instruction, syntax);
            instruction.Index = Instructions.Count;
            Instructions.Add(instruction);
        }

        private Heredoc ReadHeredocBody(DockerWord marker, (string Delimiter, bool StripTabs, bool Quoted, int? Fd) info, ref int lastContentEnd)
        {
            int bodyStart = line < lines.Count ? lines[line].Start : text.Length;
            var content = new System.Text.StringBuilder();
            while (line < lines.Count)
            {
                var (start, end) = lines[line];
                string body = text[start..end];
                string compared = info.StripTabs ? body.TrimStart('\t') : body;
                line++;
                if (compared == info.Delimiter)
                {
                    lastContentEnd = end;
                    return new Heredoc
                    {
                        Delimiter = info.Delimiter, StripTabs = info.StripTabs, IsQuoted = info.Quoted, FileDescriptor = info.Fd,
                        MarkerSpan = marker.Span, BodySpan = new TextSpan(bodyStart, start), Content = content.ToString(),
                        TerminatorSpan = new TextSpan(start, end),
                    };
                }

                content.Append(compared).Append('\n');
            }

            Problems.Add(new DockerfileProblem($"heredoc '{marker.Raw}' is not terminated: no line '{info.Delimiter}' before the end of the file", marker.Span));
            lastContentEnd = Math.Max(lastContentEnd, TrimmedEnd(text.Length));
            return new Heredoc
            {
                Delimiter = info.Delimiter, StripTabs = info.StripTabs, IsQuoted = info.Quoted, FileDescriptor = info.Fd,
                MarkerSpan = marker.Span, BodySpan = new TextSpan(Math.Min(bodyStart, text.Length), text.Length), Content = content.ToString(),
                TerminatorSpan = TextSpan.Empty(text.Length), IsTerminated = false,
            };
        }

        private int TrimmedEnd(int end)
        {
            while (end > 0 && text[end - 1] is '\n' or '\r')
            {
                end--;
            }

            return end;
        }

        private Syntax ParseSyntax(SourceMap map, List<TextSpan> comments)
        {
            string logical = map.Text;
            int index = 0;
            while (index < logical.Length && char.IsWhiteSpace(logical[index]))
            {
                index++;
            }

            int keywordStart = index;
            while (index < logical.Length && !char.IsWhiteSpace(logical[index]))
            {
                index++;
            }

            string keywordText = logical[keywordStart..index];
            var keywordSpan = map.ToFile(keywordStart, index);
            var flags = new List<DockerfileFlag>();
            while (true)
            {
                while (index < logical.Length && char.IsWhiteSpace(logical[index]))
                {
                    index++;
                }

                if (index + 2 >= logical.Length || logical[index] != '-' || logical[index + 1] != '-' || char.IsWhiteSpace(logical[index + 2]))
                {
                    break;
                }

                int flagStart = index;
                char quote = '\0';
                while (index < logical.Length && (quote != '\0' || !char.IsWhiteSpace(logical[index])))
                {
                    char c = logical[index];
                    if (quote == '\0' && c is '"' or '\'')
                    {
                        quote = c;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }

                    index++;
                }

                string raw = logical[flagStart..index];
                int equals = raw.IndexOf('=');
                string name = equals < 0 ? raw[2..] : raw[2..equals];
                string? value = equals < 0 ? null : DockerWords.Unquote(raw[(equals + 1)..], Escape, out _, out _);
                flags.Add(new DockerfileFlag
                {
                    Name = name,
                    Value = value,
                    Raw = raw,
                    Span = map.ToFile(flagStart, index),
                    NameSpan = map.ToFile(flagStart + 2, equals < 0 ? index : flagStart + equals),
                    ValueSpan = equals < 0 ? TextSpan.Empty(map.ToFile(index)) : map.ToFile(flagStart + equals + 1, index),
                });
            }

            int argsEnd = logical.Length;
            while (argsEnd > index && char.IsWhiteSpace(logical[argsEnd - 1]))
            {
                argsEnd--;
            }

            var arguments = map.Slice(index, argsEnd);
            string keyword = keywordText.ToUpperInvariant();
            IReadOnlyList<JsonArgument>? json = null;
            DockerfileProblem? jsonProblem = null;
            if (JsonCapable.Contains(keyword) && JsonArrayParser.LooksLikeJson(arguments, 0))
            {
                json = JsonArrayParser.TryParse(arguments, 0, out jsonProblem);
            }

            return new Syntax(keyword, keywordText, keywordSpan, flags, arguments, DockerWords.Split(arguments, 0, Escape), json, jsonProblem);
        }

        private Instruction Create(string keyword, InstructionParts parts) => keyword switch
        {
            "FROM" => new FromInstruction(parts),
            "RUN" => new RunInstruction(parts),
            "COPY" => new CopyInstruction(parts),
            "ADD" => new AddInstruction(parts),
            "ARG" => new ArgInstruction(parts),
            "ENV" => new EnvInstruction(parts),
            "LABEL" => new LabelInstruction(parts),
            "USER" => new UserInstruction(parts),
            "WORKDIR" => new WorkdirInstruction(parts),
            "EXPOSE" => new ExposeInstruction(parts),
            "VOLUME" => new VolumeInstruction(parts),
            "SHELL" => new ShellInstruction(parts),
            "STOPSIGNAL" => new StopSignalInstruction(parts),
            "CMD" => new CmdInstruction(parts),
            "ENTRYPOINT" => new EntrypointInstruction(parts),
            "HEALTHCHECK" => new HealthcheckInstruction(parts),
            "MAINTAINER" => new MaintainerInstruction(parts),
            "ONBUILD" => new OnBuildInstruction(WithTrigger(parts)),
            _ => new Instruction(parts),
        };

        private InstructionParts WithTrigger(InstructionParts parts)
        {
            var inner = ParseSyntax(parts.Arguments, []);
            if (inner.Keyword.Length == 0)
            {
                return parts;
            }

            var innerParts = inner.ToParts(parts.Arguments.ToFile(0, parts.Arguments.Length), parts.Line, parts.EndLine, Escape, text, [], []);
            var trigger = Create(inner.Keyword, innerParts);
            if (inner.Keyword is "ONBUILD" or "FROM" or "MAINTAINER")
            {
                Problems.Add(new DockerfileProblem($"{inner.Keyword} is not allowed as an ONBUILD trigger", inner.KeywordSpan));
            }

            return new InstructionParts
            {
                KeywordText = parts.KeywordText, KeywordSpan = parts.KeywordSpan, Span = parts.Span, Line = parts.Line, EndLine = parts.EndLine,
                Escape = parts.Escape, FileText = parts.FileText, Flags = parts.Flags, Arguments = parts.Arguments, Words = parts.Words,
                Heredocs = parts.Heredocs, ContinuationComments = parts.ContinuationComments, Trigger = trigger,
            };
        }

        private void Validate(Instruction instruction, Syntax syntax)
        {
            if (!instruction.IsKnown)
            {
                return;
            }

            if (instruction.ArgumentsText.Length == 0 && instruction.Heredocs.Count == 0)
            {
                Problems.Add(new DockerfileProblem($"{instruction.Keyword} requires at least one argument", instruction.KeywordSpan));
                return;
            }

            if (instruction is ShellInstruction && syntax.Json is null)
            {
                Problems.Add(new DockerfileProblem("SHELL requires its arguments in JSON form: SHELL [\"/bin/bash\", \"-c\"]", instruction.ArgumentsSpan));
            }
            else if (instruction is FileTransferInstruction transfer && transfer.Destination is null && instruction.Heredocs.Count == 0)
            {
                Problems.Add(new DockerfileProblem($"{instruction.Keyword} requires at least two arguments: a source and a destination", instruction.ArgumentsSpan));
            }
            else if (instruction is FromInstruction from && from.Words.Count is 2 or > 3)
            {
                Problems.Add(new DockerfileProblem("FROM takes an image and optionally 'AS name'", instruction.ArgumentsSpan));
            }
        }

        /// <summary>The offset of the escape character ending the line (trailing blanks allowed), or -1.</summary>
        private int ContinuationEscape(int start, int end)
        {
            int last = end - 1;
            while (last >= start && text[last] is ' ' or '\t')
            {
                last--;
            }

            return last >= start && text[last] == Escape ? last : -1;
        }

        private int SkipBlanks(int index, int end)
        {
            while (index < end && text[index] is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                index++;
            }

            return index;
        }

        private static List<(int Start, int End)> SplitLines(string text)
        {
            var result = new List<(int, int)>();
            int start = 0;
            while (start < text.Length)
            {
                int newline = text.IndexOf('\n', start);
                int next = newline < 0 ? text.Length : newline + 1;
                int end = newline < 0 ? text.Length : newline;
                if (end > start && text[end - 1] == '\r')
                {
                    end--;
                }

                result.Add((start, end));
                start = next;
            }

            return result;
        }
    }

    private sealed record Syntax(
        string Keyword,
        string KeywordText,
        TextSpan KeywordSpan,
        List<DockerfileFlag> Flags,
        SourceMap Arguments,
        List<DockerWord> Words,
        IReadOnlyList<JsonArgument>? Json,
        DockerfileProblem? JsonProblem)
    {
        public InstructionParts ToParts(TextSpan span, int line, int endLine, char escape, string fileText, List<Heredoc> heredocs, List<TextSpan> comments) => new()
        {
            KeywordText = KeywordText,
            KeywordSpan = KeywordSpan,
            Span = span,
            Line = line,
            EndLine = endLine,
            Escape = escape,
            FileText = fileText,
            Flags = Flags,
            Arguments = Arguments,
            Words = Words,
            Json = Json,
            JsonProblem = JsonProblem,
            Heredocs = heredocs,
            ContinuationComments = comments,
        };
    }
}
