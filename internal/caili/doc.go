// Package caili is the domain at the centre of caili's governed record
// and the one error vocabulary every layer shares, in the manner of WTF
// Dial's root package: it holds types and interfaces, no behaviour that
// needs anything but the standard library.
//
//   - The record (record.go, objection.go): plan versions, publications,
//     objections, actors and roles, tokens, the audit log, and the
//     [Store] interface that internal/store/sqlite implements.
//   - Errors (errors.go): one [Error] with a [Kind] (what went wrong,
//     independent of any protocol: the server maps each kind to an HTTP
//     status in one table), the words that say it ([Words], a message of
//     the table named by its [Text]) and its cause. The loader
//     (standards), the application (internal/app), the store, the views
//     and the server all return it; the edge renders its words in the
//     language asked for (internal/msg) and maps its kind to a status.
//   - The record's words (texts.go): the texts of the message table the
//     record says, so that the store can say what is wrong without
//     knowing the table.
//
// It imports only the standard library: internal/store/sqlite imports it
// and nothing else of caili, so that the database adapter links neither
// the engine, the loader, the reports nor the workbooks
// (internal/archtest holds both to this).
package caili
