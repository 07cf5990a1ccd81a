// Note: the vocabulary of nearly every use case (a Mediator request with a FluentValidation validator, a handler over
// the DbContext abstraction that audits and answers 404/409/422 through Common) is imported once here, so a file's
// usings name only the feature namespaces it reaches into. A using repeated in a file is reported (IDE0005).
global using FluentValidation;
global using InternetHospital.Application.Audit;
global using InternetHospital.Application.Common;
global using InternetHospital.Application.Common.Abstractions;
global using InternetHospital.Application.Common.Exceptions;
global using InternetHospital.Application.Common.Security;
global using InternetHospital.Application.Common.Validation;
global using InternetHospital.Domain.Common;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
