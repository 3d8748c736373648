package verify

import (
	"encoding/json"
	"fmt"

	"github.com/gen-postman/gen-postman/templates"
)

// readParams reads resource and audience from tokenRequestParams, or from the form that Postman
// 8.3 to 10.12 wrote: a field named after the parameter, holding a map of ids to values.
func (c *Collection) readParams(fields map[string]json.RawMessage, vars *variables) error {
	set := map[string]*string{templates.ParamResource: &c.Options.Resource, templates.ParamAudience: &c.Options.Audience}
	if raw, ok := fields["tokenRequestParams"]; ok {
		params, err := decodeParams(raw)
		if err != nil {
			return err
		}
		for _, param := range params {
			if param.Enabled != nil && !*param.Enabled {
				continue
			}
			if param.SendAs != "" && param.SendAs != "request_body" {
				c.Warnings = append(c.Warnings, fmt.Sprintf("token request parameter %q is sent as %s in Postman; verify does not send it",
					oneLine(param.Key, 60), oneLine(param.SendAs, 40)))
				continue
			}
			value, err := rawString(param.Value)
			if err != nil {
				return collectionError(fmt.Sprintf("token request parameter %q is %v", oneLine(param.Key, 60), err))
			}
			if value == objectObject {
				return collectionError(objectObjectReason)
			}
			dst, known := set[param.Key]
			switch {
			case !known:
				c.Warnings = append(c.Warnings, fmt.Sprintf("token request parameter %q is not sent by verify, which sends resource and audience only",
					oneLine(param.Key, 60)))
				continue
			case *dst != "":
				c.Warnings = append(c.Warnings, fmt.Sprintf("more than one %s parameter; verify sends the first", param.Key))
				continue
			}
			if *dst, err = vars.expand(param.Key, value); err != nil {
				return err
			}
		}
	}
	for _, name := range []string{templates.ParamResource, templates.ParamAudience} {
		dst := set[name]
		raw, ok := fields[name]
		if !ok || *dst != "" {
			continue
		}
		value, err := legacyParam(name, raw)
		if err != nil {
			return err
		}
		if value == "" {
			continue
		}
		if *dst, err = vars.expand(name, value); err != nil {
			return err
		}
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s is in the form Postman wrote before 10.13; "+
			"re-save the collection in a current Postman, or generate it again", name))
	}
	return nil
}

// objectObject is what Postman's SDK writes in place of tokenRequestParams typed "string".
const objectObject = "[object Object]"

const objectObjectReason = `tokenRequestParams is "[object Object]": the file was written with the parameters typed ` +
	`"string", and Postman's SDK turned them into that text, so resource and audience are lost; ` +
	`set them again in Postman's Authorization tab, or generate the collection again`

func decodeParams(raw json.RawMessage) ([]pmTokenParam, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == objectObject {
			return nil, collectionError(objectObjectReason)
		}
		return nil, collectionError("tokenRequestParams is a string, not an array of parameters")
	}
	var params []pmTokenParam
	if err := json.Unmarshal(raw, &params); err != nil {
		return nil, collectionError("tokenRequestParams is not an array of {key, value, enabled, send_as}")
	}
	return params, nil
}

// legacyParam reads a resource or audience field of Postman 8.3 to 10.12: a map of ids to
// values, or a plain string.
func legacyParam(name string, raw json.RawMessage) (string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == objectObject {
			return "", collectionError(fmt.Sprintf("oauth2 %s is %q: Postman's SDK lost its value; set it again in Postman", name, objectObject))
		}
		return s, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", collectionError(fmt.Sprintf("oauth2 %s is neither a string nor a map of values", name))
	}
	value := ""
	for _, v := range m {
		s, err := rawString(v)
		if err != nil {
			return "", collectionError(fmt.Sprintf("oauth2 %s holds a value that %v", name, err))
		}
		switch {
		case s == "":
		case value == "":
			value = s
		case value != s:
			return "", collectionError(fmt.Sprintf("oauth2 %s holds more than one value; keep one in Postman's Authorization tab", name))
		}
	}
	return value, nil
}
