using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.Python.Rules;

/// <summary>PY000: a Python module or packaging file that cannot be read or would not compile.</summary>
internal sealed class PythonFileUnreadableRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY000",
        "python-file-unparsable",
        Severity.Error,
        "A Python module or packaging file cannot be read or does not compile.",
        "Python refuses to import a module with a syntax error, so every test or service that imports it fails; a broken pyproject.toml or requirements file stops pip before anything is installed. Drydock skips such files, so other rules say nothing about them.",
        "Fix the syntax at the reported position (Python 2 code must be ported to Python 3), or exclude the file from analysis in .drydock.yaml.")
    { Equivalents = ["ruff E999", "python -m py_compile"] };

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        foreach (var module in model.Modules)
        {
            if (module.ReadProblem is { } read)
            {
                string declared = read.Message.Contains("UTF-8", StringComparison.Ordinal) && DeclaredEncoding(model, module.Path) is { } encoding
                    ? $" (it declares '# coding: {encoding}'; Drydock reads Python sources as UTF-8 only, as Python 3 does by default)"
                    : "";
                sink.Report(Descriptor, new SourceLocation(module.Path, read.Line, read.Column, read.Line, read.Column), $"{module.Path} was skipped: {read.Message}{declared}");
                continue;
            }

            if (module.Problems.Count == 0 || module.Source is null) { continue; }
            var first = module.Problems[0];
            bool python2 = module.Problems.Any(problem => problem.Kind == Parsing.PyProblemKind.Python2);
            string message = python2
                ? $"{module.Path} uses Python 2 syntax and was skipped: {module.Problems.First(problem => problem.Kind == Parsing.PyProblemKind.Python2).Message}"
                : $"{first.KindName}: {first.Message}; Python cannot import {module.Path}";
            var at = python2 ? module.Problems.First(problem => problem.Kind == Parsing.PyProblemKind.Python2) : first;
            sink.Report(Descriptor, module.Source, at.Start, at.End, message);
        }

        foreach (var problem in model.FileProblems.Where(problem => problem.Path != ".gitmodules"))
        {
            sink.Report(Descriptor, new SourceLocation(problem.Path, problem.Line, problem.Column, problem.Line, problem.Column), $"{problem.Path}: {problem.Message}");
        }

        foreach (var file in model.RequirementsFiles)
        {
            foreach (var problem in file.Problems)
            {
                sink.Report(Descriptor, new SourceLocation(file.Path, problem.Line, 1, problem.Line, 1), $"{file.Path}:{problem.Line}: {problem.Message}; pip rejects the whole file");
            }
        }
    }

    /// <summary>The PEP 263 coding declaration of a file that is not UTF-8, read from its first bytes.</summary>
    private static string? DeclaredEncoding(PythonProject model, string path)
    {
        try
        {
            using var stream = File.OpenRead(model.Project.FullPath(path));
            var buffer = new byte[512];
            int read = stream.Read(buffer, 0, buffer.Length);
            return Parsing.PyTokenizer.EncodingOf(System.Text.Encoding.Latin1.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
