using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace Fluxum.Try;

/// <summary>
/// The smallest PowerShell host that prints: enough for Out-Default to format objects with the module's
/// table views, and for warnings, verbose lines and errors to reach the console.
/// </summary>
public sealed class ConsoleHost : PSHost
{
    private readonly ConsoleHostUi _ui;

    public ConsoleHost(TextWriter output, int width = 160, bool colours = true) => _ui = new ConsoleHostUi(output, width, colours);

    public override string Name => "Fluxum.Try";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class ConsoleHostUi(TextWriter output, int width, bool colours) : PSHostUserInterface
    {
        public override bool SupportsVirtualTerminal => colours;

        public override PSHostRawUserInterface RawUI { get; } = new RawUi(width);
        // The formatter decorates with ANSI escapes itself; a host without a terminal takes them out.
        private static readonly System.Text.RegularExpressions.Regex Ansi = new("\u001b\\[[0-9;]*[A-Za-z]", System.Text.RegularExpressions.RegexOptions.Compiled);

        private string Out(string text) => colours ? text : Ansi.Replace(text, "");

        public override void Write(string value) => output.Write(Out(value));
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => output.Write(Out(value));
        public override void WriteLine(string value) => output.WriteLine(Out(value));
        public override void WriteErrorLine(string value) => output.WriteLine("ERROR: " + Out(value));
        public override void WriteDebugLine(string message) => output.WriteLine("DEBUG: " + Out(message));
        public override void WriteVerboseLine(string message) => output.WriteLine("VERBOSE: " + Out(message));
        public override void WriteWarningLine(string message) => output.WriteLine("WARNING: " + Out(message));
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override string ReadLine() => throw new NotSupportedException("This host does not read input.");
        public override System.Security.SecureString ReadLineAsSecureString() => throw new NotSupportedException("This host does not read input.");
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("This host does not prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("This host does not prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("This host does not prompt.");
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new NotSupportedException("This host does not prompt.");
    }

    private sealed class RawUi(int width) : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; }
        public override Size BufferSize { get; set; } = new(width, 9999);
        public override Size WindowSize { get; set; } = new(width, 50);
        public override Size MaxWindowSize => new(width, 50);
        public override Size MaxPhysicalWindowSize => new(width, 50);
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "Fluxum";
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void FlushInputBuffer() { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    }
}
