using System.Diagnostics;
using System.Globalization;
using Drydock.Analysis;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;

// Generates N Dockerfiles (variants of realistic templates) in a temp folder, then times, end to end:
// discovery + reading + parsing + every DF rule, as `drydock check` does. Several runs; the first is warm-up.
if (args.Length > 0 && Directory.Exists(args[0]))
{
    // Check a real folder and list the findings (a quick look at examples/).
    var checkedProject = Project.Open(args[0]);
    foreach (var finding in new CheckEngine([new DockerfileAnalyzer()]).Run(checkedProject).Findings)
    {
        Console.WriteLine($"{finding.Location} {finding.RuleId} {finding.Message}");
    }

    return;
}

int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
string root = Path.Combine(Path.GetTempPath(), "drydock-bench-docker-" + count.ToString(CultureInfo.InvariantCulture));
Generate(root, count);
Console.WriteLine($"{count} Dockerfiles in {root}, {Environment.ProcessorCount} cores");

var times = new List<double>();
int findings = 0;
for (int run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var project = Project.Open(root);
    var result = new CheckEngine([new DockerfileAnalyzer()]).Run(project);
    clock.Stop();
    findings = result.Findings.Count;
    times.Add(clock.Elapsed.TotalMilliseconds);
    Console.WriteLine($"run {run + 1}: {clock.Elapsed.TotalMilliseconds:F0} ms, {findings} findings, {result.Notes.Count} notes");
}

var texts = Directory.EnumerateFiles(root, "Dockerfile", SearchOption.AllDirectories).Select(file => (file, File.ReadAllText(file))).ToList();
var parseClock = Stopwatch.StartNew();
int instructions = 0;
foreach (var (file, text) in texts)
{
    var document = DockerfileDocument.Parse(file, text);
    instructions += document.Instructions.Count;
}

parseClock.Stop();
var ownRules = DockerfileRules.All.Where(rule => string.CompareOrdinal(rule.Rule.Id, "DF040") < 0).ToList();
var ownClock = Stopwatch.StartNew();
var ownResult = new CheckEngine([new DockerfileAnalyzer(ownRules)]).Run(Project.Open(root));
ownClock.Stop();
Console.WriteLine($"check with DF000-DF039 only: {ownClock.Elapsed.TotalMilliseconds:F0} ms, {ownResult.Findings.Count} findings");
if (Environment.GetEnvironmentVariable("DRYDOCK_BENCH_PER_RULE") == "1")
{
    var shared = Project.Open(root);
    var set = shared.Model(DockerfileSet.Build);
    var baseline = Stopwatch.StartNew();
    new CheckEngine([new DockerfileAnalyzer([])]).Run(shared);
    Console.WriteLine($"  no rules (model already built): {baseline.Elapsed.TotalMilliseconds:F0} ms");
    foreach (var rule in DockerfileRules.All)
    {
        var ruleClock = Stopwatch.StartNew();
        new CheckEngine([new DockerfileAnalyzer([rule])]).Run(shared);
        Console.WriteLine($"  {rule.Rule.Id} {rule.Rule.Name}: {ruleClock.Elapsed.TotalMilliseconds:F0} ms");
    }

    _ = set;
}

var scanClock = Stopwatch.StartNew();
_ = Project.Open(root);
scanClock.Stop();
Console.WriteLine($"discovery alone (Project.Open): {scanClock.Elapsed.TotalMilliseconds:F0} ms");
var warm = times.Skip(1).Order().ToList();
Console.WriteLine($"check (warm): min {warm.DefaultIfEmpty(times[0]).Min():F0} ms, median {(warm.Count > 0 ? warm[warm.Count / 2] : times[0]):F0} ms; first run {times[0]:F0} ms");
Console.WriteLine($"parse only (in memory, one thread, stages and shell included): {parseClock.Elapsed.TotalMilliseconds:F0} ms for {instructions} instructions");

static void Generate(string root, int count)
{
    if (Directory.Exists(root) && Directory.GetDirectories(root).Length == count)
    {
        return;
    }

    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }

    string[] templates =
    [
        """
        # syntax=docker/dockerfile:1
        ARG PYTHON=3.12
        FROM python:${PYTHON}-slim-bookworm AS build
        WORKDIR /src
        RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
         && rm -rf /var/lib/apt/lists/*
        COPY requirements.txt .
        RUN --mount=type=cache,target=/root/.cache/pip pip wheel -r requirements.txt -w /wheels
        FROM python:${PYTHON}-slim-bookworm
        ENV PYTHONUNBUFFERED=1
        RUN groupadd -g 1000 app && useradd -l -u 1000 -g app app
        WORKDIR /app
        COPY --from=build /wheels /wheels
        RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
        COPY --chown=app:app src/ ./src/
        USER app
        EXPOSE 8000
        HEALTHCHECK CMD ["python", "-c", "print(1)"]
        CMD ["gunicorn", "src.app:app"]
        """,
        """
        FROM ubuntu:latest
        MAINTAINER someone
        RUN apt-get update
        RUN apt-get install curl wget git && cd /opt && curl -fsSL https://x.example/install.sh | sh
        ADD . /app
        ARG TARGETARCH
        RUN if [ "$TARGETARCH" = "amd64" ]; then apt-get install -y google-chrome-stable; fi
        ENV API_TOKEN=abc123
        EXPOSE 8080:80
        CMD python app.py
        """,
        """
        FROM golang:1.22 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /out/app /app
        ENTRYPOINT ["/app"]
        """,
        """
        FROM node:22-alpine
        RUN apk add git && apk add --no-cache bash
        WORKDIR /srv
        COPY package*.json ./
        RUN npm ci --omit=dev
        COPY . .
        RUN <<EOF
        set -e
        case "$(uname -m)" in
          x86_64) echo amd ;;
          *) echo other ;;
        esac
        EOF
        USER node
        CMD ["node", "server.js"]
        """,
    ];

    for (int index = 0; index < count; index++)
    {
        string directory = Path.Combine(root, $"svc{index:D5}");
        Directory.CreateDirectory(directory);
        string text = templates[index % templates.Length].Replace("8000", (8000 + (index % 100)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "Dockerfile"), text + "\n");
    }
}
