using System.Management.Automation;
using Fluxum.Commands.Csv;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Writes Fluxum objects to a CSV file that reads back the same under any culture: invariant numbers,
/// ISO 8601 times with milliseconds and offset, enums by name, and the type on the first line for Import-FxCsv.
/// </summary>
[Cmdlet(VerbsData.Export, "FxCsv", SupportsShouldProcess = true, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Export-FxCsv.md")]
[OutputType(typeof(void))]
public sealed class ExportFxCsvCommand : PSCmdlet
{
    private StreamWriter? _stream;
    private FxCsvWriter? _writer;
    private string _path = "";
    private bool _skip;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Adds rows to an existing file of the same type (its columns are kept).</summary>
    [Parameter]
    public SwitchParameter Append { get; set; }

    /// <summary>Fails instead of overwriting an existing file.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Overwrites a read-only file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateSet("utf8", "utf8NoBOM", "utf8BOM", "ascii", "unicode", "bigendianunicode", "utf32", IgnoreCase = true)]
    public string? Encoding { get; set; }

    protected override void BeginProcessing()
    {
        _path = GetUnresolvedProviderPathFromPSPath(Path);
        var exists = File.Exists(_path);
        if (exists && !Append && NoClobber)
        {
            ThrowTerminatingError(new ErrorRecord(new IOException($"The file '{_path}' already exists (-NoClobber)."),
                "Fluxum.FileExists", ErrorCategory.ResourceExists, _path));
        }

        var action = exists ? (Append ? "Append Fluxum CSV rows" : "Overwrite with Fluxum CSV") : "Create Fluxum CSV";
        if (!ShouldProcess(_path, action))
        {
            _skip = true;
            return;
        }

        FxCsvSchema? existing = null;
        if (exists && Append) existing = ReadSchema(_path);
        if (exists && Force && !Append)
        {
            var info = new FileInfo(_path);
            if (info.IsReadOnly) info.IsReadOnly = false;
        }

        var encoding = FxCsvEncoding.Get(Encoding);
        _stream = new StreamWriter(new FileStream(_path, Append && exists ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read), encoding);
        _writer = new FxCsvWriter(_stream, existing);
    }

    protected override void ProcessRecord()
    {
        if (_skip || _writer is null || InputObject is null) return;
        if (_writer.Schema is null && FxCsvSchema.Unwrap(InputObject) is not PSCustomObject && FxCsvSchema.Unwrap(InputObject).GetType().Namespace?.StartsWith("Fluxum", StringComparison.Ordinal) != true)
        {
            WriteError(new ErrorRecord(new ArgumentException($"Export-FxCsv writes Fluxum objects; this is a {FxCsvSchema.Unwrap(InputObject).GetType().FullName}. Use Export-Csv for other objects."),
                "Fluxum.CsvNotFluxum", ErrorCategory.InvalidType, InputObject));
            return;
        }

        if (!_writer.Write(InputObject))
        {
            WriteError(new ErrorRecord(new ArgumentException($"The file holds {_writer.Schema!.TypeName} rows; this object is a {FxCsvWriter.TypeNameOf(InputObject)}: export each type to its own file."),
                "Fluxum.CsvTypeMismatch", ErrorCategory.InvalidType, InputObject));
        }
    }

    protected override void EndProcessing() => Close();

    protected override void StopProcessing() => Close();

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
    }

    private FxCsvSchema? ReadSchema(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(first)) return null; // empty: written afresh
        if (!first.StartsWith(FxCsvSchema.TypeMarker, StringComparison.Ordinal))
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidDataException($"'{path}' was not written by Export-FxCsv (no '#FXTYPE' first line): cannot append to it."),
                "Fluxum.CsvNotFxCsv", ErrorCategory.InvalidData, path));
        }

        List<string>? types = null;
        if (reader.Peek() == '#') types = reader.ReadLine()![FxCsvSchema.ColumnTypesMarker.Length..].Split(',').ToList();
        var header = FxCsvText.ReadRecord(reader) ?? new List<string?>();
        return FxCsvSchema.FromFile(first[FxCsvSchema.TypeMarker.Length..].Trim(), header.Select(h => h ?? "").ToList(), types);
    }
}
