using System.Collections.ObjectModel;
using System.Management.Automation;
using Fluxum.Commands.Csv;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Reads a file Export-FxCsv wrote back into typed Fluxum objects, whatever the current culture.</summary>
[Cmdlet(VerbsData.Import, "FxCsv", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Import-FxCsv.md")]
// Whatever type the file names: every Fluxum output type.
[OutputType("Fluxum.Models.Trade", "Fluxum.Models.Candle", "Fluxum.Models.OrderBook", "Fluxum.Models.BookLevel", "Fluxum.Models.Ticker",
    "Fluxum.Models.PriceTicker", "Fluxum.Models.BookTicker", "Fluxum.Models.FillEstimate", "Fluxum.Models.SymbolInfo", "Fluxum.Models.ExchangeInfo",
    "Fluxum.Models.ServerTime", "Fluxum.PriceComparison", "Fluxum.Trading.Order", "Fluxum.Trading.Fill", "Fluxum.Trading.Balance", "Fluxum.Trading.AccountInfo")]
public sealed class ImportFxCsvCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateSet("utf8", "utf8NoBOM", "utf8BOM", "ascii", "unicode", "bigendianunicode", "utf32", IgnoreCase = true)]
    public string? Encoding { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var p in Path)
        {
            Collection<string> files;
            try
            {
                files = GetResolvedProviderPathFromPSPath(p, out _);
            }
            catch (ItemNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "Fluxum.CsvNotFound", ErrorCategory.ObjectNotFound, p));
                continue;
            }

            foreach (var file in files) ReadFile(file);
        }
    }

    private void ReadFile(string file)
    {
        using var reader = new StreamReader(file, FxCsvEncoding.Get(Encoding), detectEncodingFromByteOrderMarks: true);
        try
        {
            foreach (var item in FxCsvReader.Read(reader)) WriteObject(item);
        }
        catch (FormatException e)
        {
            WriteError(new ErrorRecord(new InvalidDataException($"{file}: {e.Message}", e), "Fluxum.CsvInvalid", ErrorCategory.InvalidData, file));
        }
    }
}
