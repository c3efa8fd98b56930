using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExcelDataReader;
using SafeguardingIngest.Bench;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;
using Sylvan.Data.Csv;

// Reader benchmark: read + validate + normalize a generated return, side by side with a bare
// ExcelDataReader loop over the same xlsx, the two alternating in one process so that the
// machine's noise falls on both. Usage: dotnet run -c Release --project bench/SafeguardingIngest.Bench -- [--rows N]
// [--rounds N]
// The ingest benchmark: dotnet run -c Release --project bench/SafeguardingIngest.Bench -- ingest [--rows N] [--rounds
// N]
// The compile benchmark (45 and 180 agencies): ... -- compile [--indicators N] [--localities N] [--rounds N]
// The disclosure benchmark (in memory): ... -- disclosure [--agencies N] [--indicators N] [--localities N] [--below N]
if (args.Length > 0 && args[0] == "compile")
{
    BenchMachine.Print("SafeguardingIngest compile benchmark");
    await CompileBenchmark.RunAsync(
        Argument("--indicators", 50),
        Argument("--localities", 10),
        Argument("--rounds", 3));
    return 0;
}

if (args.Length > 0 && args[0] == "compile-memory")
{
    CompileMemory.Run(Argument("--agencies", 150), Argument("--indicators", 60), Argument("--localities", 10));
    return 0;
}

if (args.Length > 0 && args[0] == "disclosure")
{
    BenchMachine.Print("SafeguardingIngest disclosure benchmark");
    DisclosureBenchmark.Run(
        Argument("--agencies", 150),
        Argument("--indicators", 60),
        Argument("--localities", 10),
        Argument("--below", 60));
    return 0;
}

if (args.Length > 2 && args[0] == "compile-child")
{
    await CompileBenchmark.ChildAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length > 0 && args[0] == "ingest")
{
    BenchMachine.Print("SafeguardingIngest ingest benchmark");
    await IngestBenchmark.RunAsync(Argument("--rows", 10_000), Argument("--rounds", 3));
    return 0;
}

if (args.Length > 0 && args[0] == "allocations")
{
    AllocationsByType(Argument("--rows", 100_000));
    return 0;
}

var peakOnly = Argument("--peak-only", 0);
if (peakOnly > 0)
{
    // Child mode: read the return the parent wrote and report this process's peak working set.
    var childFile = args[Array.IndexOf(args, "--file") + 1];
    {
        // The peak once the catalogue is read (the runtime, the code and the catalogue), then after the return.
        var childPartnership = BenchPartnership.Create(peakOnly);
        var childLimits = ReaderLimits.Default with { MaxRows = Math.Max(ReaderLimits.Default.MaxRows, peakOnly + 10) };
        var process = Process.GetCurrentProcess();
        Console.WriteLine(process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        var context = new ReturnContext(BenchPartnership.Agency, BenchPartnership.Period);
        Pipeline(new ReturnValidator(childPartnership, childLimits), childFile, context);
        process.Refresh();
        Console.WriteLine(process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}

var rows = Argument("--rows", 100_000);
var rounds = Argument("--rounds", 5);
if (rows <= 0 || rows % 800 != 0)
{
    // The peak-memory stage reads a quarter, a half and the whole of the rows, each a whole number of the
    // benchmark partnership's 200 localities per indicator, or its return would be refused as incomplete.
    Console.Error.WriteLine($"--rows must be a positive multiple of 800, such as 4,000 or 100,000; got {rows}.");
    return 2;
}

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var folder = Directory.CreateTempSubdirectory("sgi-bench-").FullName;
try
{
    BenchMachine.Print("SafeguardingIngest reader benchmark");
    var partnership = BenchPartnership.Create(rows);
    var document = BenchFiles.Document(partnership, rows);
    var xlsx = BenchFiles.WriteXlsx(document, partnership, folder);
    var csv = BenchFiles.WriteCsv(document, folder);
    var limits = ReaderLimits.Default with
    {
        MaxRows = Math.Max(ReaderLimits.Default.MaxRows, rows + 10),
        MaxFileBytes = 1L << 30
    };
    var validator = new ReturnValidator(partnership, limits);
    var context = new ReturnContext(BenchPartnership.Agency, BenchPartnership.Period);

    Console.WriteLine(
        $"{rows:N0}-row return: xlsx {new FileInfo(xlsx).Length / 1e6:0.0} MB, csv " +
        $"{new FileInfo(csv).Length / 1e6:0.0} MB; {rounds} alternating rounds after one warm-up, medians shown");
    var bareXlsx = new List<Run>();
    var pipelineXlsx = new List<Run>();
    var pipelineCsv = new List<Run>();
    var bareCsv = new List<Run>();
    for (var round = 0; round <= rounds; round++)
    {
        // Alternate which goes first, so neither always runs on a warmer or quieter machine.
        var order = round % 2 == 0
            ? new[] { "bare", "pipeline" }
            : new[] { "pipeline", "bare" };
        foreach (var which in order)
        {
            var run = which == "bare"
                ? Measure.Once(() => BareExcelDataReader(xlsx))
                : Measure.Once(() => Pipeline(validator, xlsx, context));
            if (round > 0)
            {
                (which == "bare" ? bareXlsx : pipelineXlsx).Add(run);
            }
        }

        var csvRun = Measure.Once(() => Pipeline(validator, csv, context));
        var bareCsvRun = Measure.Once(() => BareSylvan(csv));
        if (round > 0)
        {
            pipelineCsv.Add(csvRun);
            bareCsv.Add(bareCsvRun);
        }
    }

    // Both sides of a round run back to back, so the ratio is taken per round and its median reported.
    var ratios = bareXlsx.Zip(pipelineXlsx, (bare, pipeline) => pipeline.RowsPerSecond / bare.RowsPerSecond).ToList();
    Console.WriteLine("each figure: the median of the rounds (the lowest to the highest)");
    Console.WriteLine(
        $"xlsx  bare ExcelDataReader loop : {Rates(bareXlsx)} rows/s, {Megabytes(bareXlsx)} MB allocated");
    Console.WriteLine(
        $"xlsx  read+validate+normalize  : {Rates(pipelineXlsx)} rows/s, {Megabytes(pipelineXlsx)} MB allocated");
    Console.WriteLine($"xlsx  ratio pipeline / bare    : {Measure.Spread(ratios, "0.00")}   (target >= 0.90)");
    var processorRatios = bareXlsx.Zip(
        pipelineXlsx,
        (bare, pipeline) => pipeline.RowsPerProcessorSecond / bare.RowsPerProcessorSecond).ToList();
    Console.WriteLine($"xlsx  same, in processor time  : {Measure.Spread(processorRatios, "0.00")}");
    Console.WriteLine($"csv   bare Sylvan loop         : {Rates(bareCsv)} rows/s");
    Console.WriteLine(
        $"csv   read+validate+normalize  : {Rates(pipelineCsv)} rows/s, {Megabytes(pipelineCsv)} MB allocated"
        + "   (target >= 1,000,000 rows/s)");

    // Peak memory of a fresh process that reads one return, at growing sizes: flat means streaming.
    Console.WriteLine("peak working set of a process validating one xlsx return, by size (fresh process each):");
    foreach (var size in new[] { rows / 4, rows / 2, rows })
    {
        var sizedPartnership = BenchPartnership.Create(size);
        var sized = BenchFiles.WriteXlsx(BenchFiles.Document(sizedPartnership, size), sizedPartnership, folder);
        var (ready, peak) = PeakOfChild(size, sized);
        Console.WriteLine(
            $"  {size,9:N0} rows: {peak / 1e6,7:N1} MB; {ready / 1e6,6:N1} MB once the catalogue was read, " +
            $"so the return added {(peak - ready) / 1e6,6:N1} MB");
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

return 0;

static string Rates(IEnumerable<Run> runs) => Measure.Spread(runs.Select(r => r.RowsPerSecond), "N0");

static string Megabytes(IEnumerable<Run> runs) => Measure.Spread(runs.Select(r => r.Allocated / 1e6), "N1");

static int Pipeline(ReturnValidator validator, string path, ReturnContext context)
{
    var counter = new Counter();
    var result = validator.ValidateFile(path, context, counter);
    if (result.Report.ErrorCount > 0)
    {
        throw new InvalidOperationException($"The benchmark return was rejected: {result.Report.Findings[0].Message}");
    }

    return counter.Count;
}

static int BareExcelDataReader(string path)
{
    using var stream = File.OpenRead(path);
    using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
    var rows = 0;
    do
    {
        var isIndicators = reader.Name == "Indicators";
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows += isIndicators ? 1 : 0;
        }
    }
    while (reader.NextResult());
    return rows - 1;
}

// Where the pipeline's bytes go beyond the bare loop's: the runtime's sampled allocations by type, for each.
static void AllocationsByType(int rows)
{
    var folder = Directory.CreateTempSubdirectory("sgi-bench-").FullName;
    try
    {
        var partnership = BenchPartnership.Create(rows);
        var xlsx = BenchFiles.WriteXlsx(BenchFiles.Document(partnership, rows), partnership, folder);
        var limits = ReaderLimits.Default with { MaxRows = Math.Max(ReaderLimits.Default.MaxRows, rows + 10) };
        var validator = new ReturnValidator(partnership, limits);
        var context = new ReturnContext(BenchPartnership.Agency, BenchPartnership.Period);
        Pipeline(validator, xlsx, context);
        BareExcelDataReader(xlsx);
        using var sampler = new AllocationSampler();
        foreach (var (name, work) in new (string, Action)[]
        {
            ("bare ExcelDataReader loop", () => BareExcelDataReader(xlsx)),
            ("read+validate+normalize", () => Pipeline(validator, xlsx, context)),
        })
        {
            var sampled = sampler.Record(work);
            Console.WriteLine($"{name}: {sampled.Sum(s => s.Bytes) / 1e6:N1} MB sampled, by type:");
            foreach (var (type, bytes) in sampled.Take(15))
            {
                Console.WriteLine($"  {bytes / 1e6,8:N1} MB  {type}");
            }
        }
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

// The child's peak working set once its catalogue is read, and at the end.
static (long Ready, long Peak) PeakOfChild(int size, string file)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!)
    {
        RedirectStandardOutput = true,
        UseShellExecute = false
    };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Counter).Assembly.Location);
    }

    start.ArgumentList.Add("--peak-only");
    start.ArgumentList.Add(size.ToString(CultureInfo.InvariantCulture));
    start.ArgumentList.Add("--file");
    start.ArgumentList.Add(file);
    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    var lines = output.Trim().Split('\n');
    return (long.Parse(lines[^2], CultureInfo.InvariantCulture), long.Parse(lines[^1], CultureInfo.InvariantCulture));
}

static int BareSylvan(string path)
{
    using var reader = CsvDataReader.Create(path);
    var rows = 0;
    while (reader.Read())
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ = reader.GetString(i);
        }

        rows++;
    }

    return rows;
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Counts observations without keeping them, as `sgi validate` does.</summary>
internal sealed class Counter : IObservationSink
{
    public int Count { get; private set; }

    public void Add(Observation observation) => Count++;
}
