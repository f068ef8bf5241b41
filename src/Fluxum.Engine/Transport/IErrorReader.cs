using System.Text.Json;
using Fluxum.Errors;

namespace Fluxum.Engine.Transport;

/// <summary>Turns an exchange's error body into an exception with its code and message; null when the body is no error.</summary>
internal interface IErrorReader
{
    FxException? Read(int httpStatus, JsonElement body);
}
