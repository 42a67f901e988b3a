/*
 * rules.c - the title and help text of every diagnostic id.
 *
 * Sorted by id (strcmp order) for the binary search; tests/unit/test_rules.c
 * checks the order, and tests/cli/diag_rules.sh checks that every id the
 * sources report is here.
 */
#include "mofc/rules.h"

#include <stdlib.h>
#include <string.h>

static const struct mofc_rule rules[] = {
    {"abstract-instance", "Instance of an abstract class",
     "An Abstract class cannot have instances. Declare the instance of a concrete subclass, or "
     "remove the Abstract qualifier from the class."},
    {"abstract-terminal", "Class both Abstract and Terminal",
     "An Abstract class exists only to be subclassed, and a Terminal class cannot be. Remove one "
     "of the two qualifiers."},
    {"aggregate-without-aggregation", "Aggregate reference outside an aggregation",
     "A reference marked Aggregate belongs in an association that has the Aggregation "
     "qualifier. Add Aggregation to the class, or remove Aggregate from the reference."},
    {"alias-class", "Alias names an instance of the wrong class",
     "The instance behind the alias is not of the class the reference or EmbeddedInstance "
     "property expects, nor of a subclass of it. Use an alias of an instance of the right "
     "class."},
    {"alias-cycle", "Instances refer to each other through their keys",
     "The key values of the instance lead back to the instance itself through aliases, so its "
     "object path cannot be built. Break the cycle: a key must not depend on the instance it "
     "identifies."},
    {"alias-default", "Alias as a default value",
     "Aliases name instances and are only values inside instance declarations; a class "
     "property's default value cannot be one. Remove the default or write an object path."},
    {"alias-redefined", "Alias defined twice",
     "Each alias ($name) names one instance of the compilation. Rename one of the two "
     "aliases."},
    {"alias-type", "Alias given to a property that is not a reference",
     "An alias stands for an instance, so it can only be the value of a reference or of an "
     "embedded-instance string property. Write a value of the property's type instead."},
    {"amendment-class", "Amendment for an unknown class",
     "A class in a locale namespace (ms_<LCID>) amends the language-neutral class of the same "
     "name, which the inputs do not declare. Compile the neutral MOF with the .mfl, or fix the "
     "class name."},
    {"amendment-member", "Amendment for an unknown member",
     "The amendment names a property, method or parameter that the language-neutral class does "
     "not declare. Fix the name in the .mfl, or regenerate it from the neutral MOF."},
    {"array-for-scalar", "Array value for a single-valued element",
     "The element holds one value, but a list { ... } was written. Write one value, or make the "
     "element an array."},
    {"array-return", "Method returning an array",
     "DMTF MOF v2 methods cannot return arrays. Return a status and pass the array as an Out "
     "parameter."},
    {"array-size", "Fixed array size too large",
     "The size in [N] does not fit in 32 bits. Use a smaller size, or a variable-size "
     "array []."},
    {"array-size-zero", "Fixed array size 0",
     "An array of fixed size 0 can hold nothing. Write [] for a variable-size array, or give "
     "the real size."},
    {"array-too-long", "Default array longer than its fixed size",
     "The default value has more elements than the array's fixed size [N]. Shorten the default "
     "or enlarge the array."},
    {"association-references", "Association with fewer than two references",
     "An association relates instances through its references, and DSP0004 requires at least "
     "two. Add the missing reference, or remove the Association qualifier."},
    {"association-superclass", "Association derived from a non-association",
     "A class with the Association qualifier should derive from another association (or from "
     "nothing). Fix the superclass, or the qualifier."},
    {"bad-char", "Invalid char16 literal",
     "A char16 literal ('x') holds exactly one UCS-2 character: not empty, not two, and not a "
     "character beyond U+FFFF."},
    {"bad-character", "Unexpected character",
     "The character cannot start any MOF token here. Remove it, or put it inside a string "
     "literal."},
    {"bad-datetime", "Invalid datetime value",
     "A datetime is a 25-character string: yyyymmddhhmmss.mmmmmmsutc for a timestamp or "
     "ddddddddhhmmss.mmmmmm:000 for an interval, with '*' for unknown digits. The message says "
     "which part is wrong."},
    {"bad-escape", "Invalid escape sequence",
     "MOF strings know the escapes \\b \\t \\n \\f \\r \\\" \\' \\\\ and \\x or \\X followed "
     "by one to four hex digits; a hex escape cannot name a UTF-16 surrogate. Fix the escape, "
     "or double the backslash."},
    {"bad-number", "Invalid numeric literal",
     "The literal is not a well-formed integer or real: check the digits against its base "
     "(0b binary, 0 octal, 0x hex) and the form of the exponent."},
    {"bad-object-path", "Value does not look like an object path",
     "A reference value is an object path such as Class.Key=\"value\" (optionally with a "
     "namespace). Fix the string, or use an alias of the instance."},
    {"bitmap-entry", "Invalid BitMap entry",
     "A BitMap entry is a bit position: a decimal integer from 0 to the width of the element's "
     "type minus one."},
    {"bitmap-hex", "BitMap entry written like a mask",
     "BitMap holds bit positions, not masks, so a hex entry such as \"0x4\" means bit 4 (mask "
     "0x10), which is rarely what was meant. Write the bit position in decimal."},
    {"bmf-container", "Bad binary MOF header or compressed data",
     "The FOMB header, its sizes or the DS-compressed stream after it are not what binary MOF "
     "holds (the offset is in the file). The file is truncated, not binary MOF, or damaged; "
     "write it again with mofcomp -B or mofc bmf."},
    {"bmf-structure", "Malformed object in binary MOF",
     "A record of the decompressed data has a length, offset, count or type that does not fit "
     "(the offset is in the decompressed data). The blob is damaged or was not written by a "
     "binary MOF compiler; nothing of it is read."},
    {"char16-as-string", "String written for a char16 value",
     "A char16 element takes a character literal in single quotes. Write 'x' instead of "
     "\"x\"."},
    {"class-name-prefix", "Class name without schema prefix",
     "DSP0004 names classes Schema_Name, the schema prefix before the first underscore. Rename "
     "the class, or disable the check with -Wno-naming."},
    {"class-redefined", "Class declared twice",
     "A class name is declared once per namespace. Remove or rename one declaration; with "
     "--dialect=wmi the later declaration replaces the earlier one, as mofcomp does, and this "
     "is a warning."},
    {"class-typed-property", "Class name used as a property type",
     "In DMTF MOF a property's type is a CIM data type. For an embedded instance write string "
     "with EmbeddedInstance(\"Class\"), or compile with --dialect=wmi, which accepts class-typed "
     "properties."},
    {"cpp-directive", "C preprocessor directive in MOF",
     "MOF has no #define, #ifdef or #include; only #pragma. Compile the file with --cpp, "
     "which runs the C preprocessor and keeps the original files and lines."},
    {"cpp-error", "Error from the C preprocessor",
     "With --cpp the C preprocessor reported an error (#error, a missing #include, a bad "
     "directive); the message is its own, placed in the original file. Fix the directive, "
     "or add -I DIR for a missing header."},
    {"cpp-failed", "C preprocessor could not run",
     "With --cpp mofc could not start the preprocessor, or it ended abnormally. Install cpp "
     "(build-essential) or name another with --cpp=PROGRAM or MOFC_CPP."},
    {"cpp-temp", "Temporary file for the preprocessor",
     "A UTF-16 or BOM input is decoded into a temporary file before the C preprocessor reads "
     "it, and that file could not be written. Check TMPDIR."},
    {"cpp-utf16-include", "UTF-16 file included through the preprocessor",
     "The C preprocessor reads bytes, so a UTF-16 file cannot be #include'd. Convert the "
     "included file to UTF-8, or include it with #pragma include."},
    {"cpp-warning", "Warning from the C preprocessor",
     "With --cpp the C preprocessor warned (a macro redefined, an unknown directive); the "
     "message is its own, placed in the original file."},
    {"default-maxlen", "Default value longer than MaxLen",
     "The default string has more characters than the property's MaxLen allows. Shorten the "
     "default, or raise MaxLen."},
    {"default-maxvalue", "Default value above MaxValue",
     "The default value is greater than the property's MaxValue. Change the default, or the "
     "limit."},
    {"default-minlen", "Default value shorter than MinLen",
     "The default string has fewer characters than the property's MinLen requires. Lengthen "
     "the default, or lower MinLen."},
    {"default-minvalue", "Default value below MinValue",
     "The default value is less than the property's MinValue. Change the default, or the "
     "limit."},
    {"default-not-in-valuemap", "Default value not in the ValueMap",
     "The property's ValueMap lists the values it may hold, and the default is not one of "
     "them. Use a listed value, or add it to ValueMap (and Values)."},
    {"deprecated-reference", "Reference to a deprecated class",
     "The reference's class carries the Deprecated qualifier. Refer to the class that "
     "Deprecated names as its replacement."},
    {"deprecated-superclass", "Subclass of a deprecated class",
     "The superclass carries the Deprecated qualifier. Derive from the class that Deprecated "
     "names as its replacement."},
    {"duplicate-feature", "Property or method declared twice",
     "A class declares each property and method name once (names compare without case). "
     "Remove or rename the second declaration."},
    {"duplicate-id", "Parameters with the same ID",
     "WMI numbers method parameters with the ID qualifier, and each number must be unique "
     "within the method. Renumber the parameters."},
    {"duplicate-instance", "Instance declared again",
     "Another instance with the same object path (the same class and key values) was already "
     "declared; this one updates it, as mofcomp does. Remove one, or give them different "
     "keys."},
    {"duplicate-parameter", "Parameter declared twice",
     "A method's parameter names are unique (names compare without case). Rename one of the "
     "parameters."},
    {"duplicate-qualifier", "Qualifier given twice",
     "An element carries each qualifier once. Remove the repeated qualifier."},
    {"duplicate-value", "Property given twice in an instance",
     "An instance declaration sets each property once. Remove the repeated assignment."},
    {"embedded-both", "Both EmbeddedObject and EmbeddedInstance",
     "EmbeddedObject (any object) and EmbeddedInstance(\"Class\") (an instance of that class) "
     "exclude each other. Keep the one that describes the value."},
    {"embedded-instance-class", "Embedded instance of the wrong class",
     "The embedded instance is not of the class EmbeddedInstance names, nor of a subclass of "
     "it. Embed an instance of the right class."},
    {"embedded-instance-type", "Embedded instance for a non-string property",
     "Embedded instances are values of string properties with EmbeddedObject or "
     "EmbeddedInstance. Give the property the right type and qualifier, or write a plain "
     "value."},
    {"embedded-not-string", "Embedded object on a non-string element",
     "EmbeddedObject and EmbeddedInstance describe what a string holds; on another type they "
     "mean nothing. Make the element a string, or remove the qualifier."},
    {"file-too-large", "Input file larger than 4 GiB",
     "mofc reads files of up to 4 GiB. Split the input into several files."},
    {"flavor-conflict", "Contradicting flavors",
     "EnableOverride and DisableOverride, or ToSubclass and Restricted, cannot be given "
     "together. Keep the one that is meant."},
    {"flavor-loosened", "Qualifier flavor loosened",
     "The qualifier's declaration says DisableOverride or Restricted, and this use says "
     "EnableOverride or ToSubclass. A use cannot loosen its declared flavor; remove the flavor "
     "from the use."},
    {"forward-alias", "Alias used before its instance",
     "The alias is used before the instance that defines it. mofc resolves it, but mofcomp and "
     "other compilers read in one pass; declare the instance first."},
    {"include-cycle", "File includes itself",
     "The #pragma include chain leads back to a file that is already being read. Remove the "
     "include that closes the cycle."},
    {"include-depth", "Includes nested too deep",
     "#pragma include files nest deeper than mofc allows, which usually means a cycle through "
     "differently written paths. Flatten the include structure."},
    {"include-not-found", "Included file not found",
     "The file named by #pragma include is neither next to the including file nor in any -I "
     "directory. Fix the name, or add its directory with -I DIR."},
    {"include-unreadable", "Included file cannot be read",
     "The included file exists but cannot be opened or read; the message gives the system's "
     "reason (permissions, a directory...)."},
    {"indication-superclass", "Indication derived from a non-indication",
     "A class with the Indication qualifier should derive from another indication (or from "
     "nothing). Fix the superclass, or the qualifier."},
    {"inheritance-cycle", "Class inherits from itself",
     "Following the superclasses from the class leads back to it, so it can never be "
     "resolved. Break the cycle."},
    {"input-unreadable", "Input file cannot be read",
     "A file named on the command line cannot be opened or read; the message gives the "
     "system's reason."},
    {"int-as-string", "Integer written for a string",
     "In the WMI dialect an integer where a string is expected (Values {0, 1, 2} in "
     "wmicore.mof) is read as its decimal text, as mofcomp does. Write the value as a "
     "string literal."},
    {"integer-range", "Integer literal beyond 64 bits",
     "No CIM integer type holds a value this large. Use a smaller value, or a real or string "
     "property."},
    {"interval-without-subtype", "Interval value without SubType(\"interval\")",
     "WMI marks datetime properties that hold intervals with SubType(\"interval\"). Add the "
     "qualifier, or use a timestamp value."},
    {"invalid-encoding", "Invalid bytes in the input encoding",
     "The file is not valid UTF-8 (or, with a BOM, valid UTF-16). The bad bytes were replaced "
     "by U+FFFD. Convert the file to UTF-8."},
    {"key-array", "Array key",
     "A key identifies an instance and must be a single value. Make the key a scalar, or "
     "remove Key."},
    {"key-type", "Key of a type that identifies badly",
     "Real and datetime keys compare poorly (rounding, time zones) and make unstable object "
     "paths. Prefer a string or integer key."},
    {"locale-no-amendment", "No amendment for the locale asked for",
     "--locale names a language for which the input holds no ms_<LCID> amendment, so the "
     "language-neutral texts are used. Add the localized .mfl to the inputs, or drop "
     "--locale (-Wno-locale silences this)."},
    {"min-max", "Min greater than Max",
     "The Min qualifier (least number of referenced instances) is larger than Max, so no "
     "number satisfies both. Fix one of the two."},
    {"minlen-maxlen", "MinLen greater than MaxLen",
     "No string length satisfies both qualifiers. Fix one of the two."},
    {"minvalue-maxvalue", "MinValue greater than MaxValue",
     "No value satisfies both qualifiers. Fix one of the two."},
    {"missing-key", "Instance without a key value",
     "The instance leaves a Key property unset (and the class gives no default), so it has no "
     "object path. Give every key a value."},
    {"missing-override", "Inherited name used without Override",
     "The element has the name of an element the superclass already has. Add "
     "Override(\"Name\") to say it overrides it, or rename it."},
    {"missing-semicolon", "Missing ';'",
     "A declaration (class, instance, qualifier, property, method or value) must end with "
     "';'. It is reported right after the text it should follow, and parsing goes on."},
    {"model-correspondence", "ModelCorrespondence to a missing element",
     "ModelCorrespondence names a class, property or method that is not declared. Fix the "
     "name, or compile the schema that declares it too."},
    {"mof-v3-unsupported", "MOF v3 declaration",
     "mofc reads DSP0004 v2 MOF; MOF v3 structure, enumeration and value-of declarations are "
     "recognized but not compiled."},
    {"name-case", "Name written in another case",
     "CIM names compare without case, so the reference resolves, but it is written differently "
     "from the declaration. Write it as declared."},
    {"nested-array", "Nested array value",
     "CIM arrays hold scalars; an array value cannot contain another array. Flatten the "
     "value."},
    {"no-keys", "Concrete class without keys",
     "Instances of a class without Key properties have no object path. Give the class a key, "
     "or mark it Abstract."},
    {"null-key", "NULL key value",
     "A key identifies the instance, so it cannot be NULL. Give the key a value."},
    {"obsolete-pragma", "Obsolete pragma",
     "The pragma dates from CIM 2.2 and has no effect; remove it."},
    {"output-error", "Output cannot be written as asked",
     "The back end cannot express the model in its output (a name clash in generated C, a "
     "broken template, an unknown --class...); the message says what. Nothing was written."},
    {"override-class", "Override names a class that is not a superclass",
     "Override(\"Class.Name\") names the class of the overridden element, which must be a "
     "superclass of this one. Fix the class part, or leave it out."},
    {"override-kind", "Override of another kind of element",
     "A property can only override a property, a reference a reference and a method a method. "
     "Rename the element, or make it of the inherited kind."},
    {"override-no-superclass", "Override in a class without superclass",
     "The element says Override, but the class has no superclass to inherit anything from. "
     "Remove the qualifier."},
    {"override-nothing", "Override of nothing",
     "The element says Override, but no superclass has an element of that name. Fix the "
     "name, or remove the qualifier."},
    {"override-rename", "Override that renames",
     "Override(\"Name\") must name the element itself; an override cannot change the name. "
     "Write the element's own name."},
    {"override-signature", "Method override with another signature",
     "An overriding method keeps the return type and the parameters (names, types, order and "
     "direction) of the method it overrides. Make the signatures equal."},
    {"override-type", "Override with another type",
     "An overriding property keeps the type of the inherited one, and an overriding reference "
     "may only narrow its class to a subclass. Use the inherited type."},
    {"parameter-default", "Default value on a parameter",
     "DMTF MOF v2 has no default values for method parameters. Remove the default, or compile "
     "with --dialect=wmi."},
    {"parameter-direction", "Parameter neither In nor Out",
     "Every method parameter should say its direction with In, Out or both. Add the "
     "qualifier."},
    {"pragma-argument", "Pragma without its argument",
     "The pragma needs a value in parentheses, such as #pragma namespace (\"root/cimv2\")."},
    {"propagated-not-key", "Propagated on a non-key property",
     "Propagated says a key's value comes from a scoping instance; it belongs on key "
     "properties only. Add Key, or remove Propagated."},
    {"property-method-clash", "Property and method with the same name",
     "A class has a property and a method of the same name, which many bindings cannot "
     "represent. Rename one of them."},
    {"provider-without-dynamic", "Provider without Dynamic",
     "WMI gives instances of a class to its Provider only when the class is Dynamic. Add the "
     "Dynamic qualifier, or remove Provider."},
    {"qualifier-array-parens", "Array qualifier written with parentheses",
     "The qualifier is declared as an array; write its value as Name {\"a\", \"b\"}."},
    {"qualifier-builtin-portable", "Qualifier relies on a built-in declaration",
     "The input uses the qualifier without declaring it; mofc supplies its built-in "
     "declaration, but pywbem and OpenPegasus cimmof reject a qualifier the input does not "
     "declare. Declare it in the input, or compile a qualifiers.mof first (-Wportable)."},
    {"qualifier-false", "Boolean qualifier set to false",
     "A boolean qualifier that is false by default says nothing when written as false. Leave "
     "it out."},
    {"qualifier-no-scope", "Qualifier declaration without scope",
     "A qualifier declaration says where the qualifier may be used, with Scope(class, "
     "property, ...). Add the clause."},
    {"qualifier-no-value", "Non-boolean qualifier without value",
     "The qualifier is not boolean, so writing its name alone sets nothing; its declared "
     "default applies. Give it a value."},
    {"qualifier-not-array", "List given to a single-valued qualifier",
     "The qualifier is declared with one value, not an array. Write one value in "
     "parentheses."},
    {"qualifier-override-disabled", "DisableOverride qualifier changed",
     "The inherited qualifier is declared DisableOverride, so a subclass cannot give it "
     "another value. Remove the qualifier from the subclass, or give it the inherited "
     "value."},
    {"qualifier-redeclared", "Qualifier declared again differently",
     "A qualifier is declared once with one type, scope and flavor. Make this declaration "
     "match the first (mofc's built-in standard declarations count), or remove it."},
    {"qualifier-scope", "Qualifier outside its scope",
     "The qualifier's declaration does not allow it on this kind of element. Remove it, or "
     "move it to an element its Scope allows."},
    {"qualifier-undeclared-portable", "Qualifier declared nowhere",
     "In the WMI dialect mofc types an undeclared qualifier from its value, as mofcomp does; "
     "other MOF compilers reject it. Declare the qualifier in the input (-Wportable)."},
    {"raw-newline-in-string", "Line break inside a string literal",
     "A string literal should not span lines. Write \\n for the line break, or close the "
     "string and continue it on the next line (adjacent literals are joined)."},
    {"real-range", "Real literal out of range",
     "The value is beyond what a real64 can hold. Use a smaller value."},
    {"reference-array", "Array of references",
     "DMTF MOF v2 reference properties are single-valued. Use one reference, or a string "
     "array of object paths."},
    {"reference-outside-association", "Reference in a class that is not an association",
     "DMTF MOF v2 allows reference properties only in associations. Add the Association "
     "qualifier to the class, or use a string with an object path."},
    {"reference-return", "Method returning a reference",
     "DMTF MOF v2 methods cannot return references. Return a status and pass the reference "
     "as an Out parameter."},
    {"scalar-for-array", "Single value for an array",
     "The element is an array; write its value as a list { ... }, even with one element."},
    {"superclass-not-found", "Superclass not declared",
     "The class derives from a class that none of the inputs declares. Fix the name, add the "
     "file that declares it, or load a base schema with --with."},
    {"syntax-error", "Syntax error",
     "The text does not follow the MOF grammar here; the message says what was found and "
     "what was expected."},
    {"system-class", "Class name reserved for WMI system classes",
     "Names starting with two underscores belong to WMI's system classes. Rename the class."},
    {"terminal-superclass", "Subclass of a Terminal class",
     "A Terminal class cannot be subclassed. Derive from another class, or remove Terminal."},
    {"too-many-errors", "Too many errors",
     "mofc stopped after the number of errors --max-errors allows (20 by default). Fix these, "
     "or give --max-errors=0 to see them all."},
    {"unknown-alias", "Alias not defined",
     "The alias is not defined by any instance declaration (instance of Class as $Name). Fix "
     "the name, or declare the instance."},
    {"unknown-class", "Class not declared",
     "The class named by the reference, the embedded instance or the instance declaration is "
     "not declared in the inputs. Fix the name, or add the file that declares it."},
    {"unknown-pragma", "Unknown pragma",
     "The pragma is not one mofc knows, and it is ignored. Fix the name, or remove it."},
    {"unknown-property", "Instance sets a property the class lacks",
     "The class (with its superclasses) has no property of that name. Fix the name."},
    {"unknown-qualifier", "Qualifier not declared",
     "DMTF MOF requires a declaration for every qualifier; the standard ones are built into "
     "mofc. Declare the qualifier, fix its name, or compile with --dialect=wmi to type "
     "undeclared qualifiers from their values."},
    {"unterminated-char", "Unterminated char16 literal",
     "The character literal has no closing single quote on its line."},
    {"unterminated-comment", "Unterminated comment",
     "A /* comment runs to the end of the file without */. Close it."},
    {"unterminated-string", "Unterminated string literal",
     "The string has no closing double quote on its line. Close it, or escape a quote inside "
     "it as \\\"."},
    {"value-maxlen", "Value longer than MaxLen",
     "The string has more characters than the property's MaxLen allows. Shorten the value, or "
     "raise MaxLen."},
    {"value-maxvalue", "Value above MaxValue",
     "The value is greater than the property's MaxValue. Change the value, or the limit."},
    {"value-minlen", "Value shorter than MinLen",
     "The string has fewer characters than the property's MinLen requires. Lengthen the "
     "value, or lower MinLen."},
    {"value-minvalue", "Value below MinValue",
     "The value is less than the property's MinValue. Change the value, or the limit."},
    {"value-not-in-valuemap", "Value not in the ValueMap",
     "The property's ValueMap lists the values it may hold, and this value is not one of "
     "them. Use a listed value, or add it to ValueMap (and Values)."},
    {"value-range", "Value out of range for its type",
     "The number does not fit the element's type (uint8 0..255, sint16 -32768..32767, ...). "
     "Use a value in range, or a wider type."},
    {"value-type", "Value of the wrong type",
     "The value written is not of the element's type (a string for an integer, a number for "
     "a boolean...). Write a value of the declared type."},
    {"valuemap-count", "ValueMap and Values of different lengths",
     "Values names the entries of ValueMap one for one (and BitValues those of BitMap), so "
     "both lists have the same length. Add or remove entries so they pair up."},
    {"valuemap-duplicate", "Value listed twice in a ValueMap",
     "Each ValueMap or BitMap entry is listed once. Remove the duplicate."},
    {"valuemap-entry", "Invalid ValueMap entry",
     "An entry of an integer ValueMap is an integer of the element's type, a range lo..hi, or "
     "\"..\" for every value not listed. Fix the entry."},
    {"valuemap-overlap", "Overlapping ValueMap ranges",
     "Two ranges of the ValueMap cover the same values, so a value has two names. Make the "
     "ranges disjoint."},
    {"valuemap-range", "Empty ValueMap range",
     "The range's start is above its end, so it holds no value. Swap the bounds."},
    {"valuemap-type", "Value map on an element of the wrong type",
     "ValueMap applies to integer and string elements, BitMap to integer ones. Remove the "
     "qualifier, or change the element's type."},
    {"void-method", "Method returning void",
     "DMTF MOF v2 methods return a value; the convention is a uint32 status. Declare a return "
     "type, or compile with --dialect=wmi."},
    {"weak-twice", "Association with two Weak references",
     "Weak marks the reference to the scoping instance, and an association has at most one. "
     "Remove Weak from the other reference."},
    {"wmi-flavor", "WMI flavor in DMTF MOF",
     "Amended and NotToInstance are mofcomp's flavors, not DSP0004's. Compile with "
     "--dialect=wmi, or remove the flavor."},
    {"wmi-flavor-default", "WMI default-flavor declaration in DMTF MOF",
     "'Qualifier Name : flavors;' (setting the default flavors of a qualifier) is a mofcomp "
     "extension. Compile with --dialect=wmi."},
    {"wmi-object", "WMI object type in DMTF MOF",
     "The type 'object' is a mofcomp extension. Use string with EmbeddedObject, or compile "
     "with --dialect=wmi."},
    {"wmi-object-ref", "WMI weakly typed reference in DMTF MOF",
     "'object ref' (a reference to any class) is a mofcomp extension. Name the class of the "
     "reference, or compile with --dialect=wmi."},
    {"wmi-pragma", "WMI pragma in DMTF MOF",
     "The pragma belongs to mofcomp; it is recorded but means nothing in DMTF MOF. Compile "
     "with --dialect=wmi, or remove it."},
    {"xml-structure", "CIM-XML element of the wrong shape",
     "The CIM-XML document lacks a required attribute, names an unknown TYPE, or is not a "
     "CIM-XML declaration document at all (DSP0201). Fix the element."},
    {"xml-syntax", "Malformed XML",
     "The file is not well-formed XML; the message is the XML parser's."},
    {"xml-unavailable", "Cannot load libxml2",
     "mofc loads libxml2 (libxml2.so.2) when it first reads or writes XML, and it could not: "
     "the library is missing or lacks a function mofc needs. Install libxml2 (Debian: "
     "libxml2)."},
    {"xml-unsupported", "CIM-XML construct not read",
     "mofc reads references given as INSTANCENAME; other forms of reference values are "
     "skipped. Rewrite the value as an INSTANCENAME."},
    {"xml-value", "Invalid value in CIM-XML",
     "A VALUE element holds text that is not of its declared type (a boolean is TRUE or "
     "FALSE, an integer decimal or hex, a char16 one character)."},
};

static int by_id(const void *key, const void *elem)
{
    return strcmp(key, ((const struct mofc_rule *)elem)->id);
}

const struct mofc_rule *mofc_rule_find(const char *id)
{
    if (!id)
        return NULL;
    return bsearch(id, rules, sizeof rules / sizeof *rules, sizeof *rules, by_id);
}

const struct mofc_rule *mofc_rules(size_t *count)
{
    *count = sizeof rules / sizeof *rules;
    return rules;
}
