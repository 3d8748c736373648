package tokenrequest

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// readParams reads resource and audience from tokenRequestParams, or from the form that Postman
// 8.3 to 10.12 wrote: a field named after the parameter, holding a map of ids to values.
func (c *authSettings) readParams(values map[string]any, vars *variables) error {
	set := map[string]*string{postman.ParamResource: &c.oauth2.Resource, postman.ParamAudience: &c.oauth2.Audience}
	if raw, ok := values[postman.AuthTokenRequestParams]; ok {
		params, err := postman.DecodeTokenRequestParams(raw)
		if errors.Is(err, postman.ErrObjectObject) {
			return collectionError(objectObjectReason)
		}
		if err != nil {
			return collectionError(err.Error())
		}
		for _, param := range params {
			if !param.Enabled {
				continue
			}
			if param.SendAs != "" && param.SendAs != postman.SendAsBody {
				c.warnings = append(c.warnings, fmt.Sprintf("token request parameter %q is sent as %s in Postman; verify does not send it",
					text.OneLine(param.Key, 60), text.OneLine(param.SendAs, 40)))
				continue
			}
			if param.Value == postman.ObjectObject {
				return collectionError(objectObjectReason)
			}
			dst, known := set[param.Key]
			switch {
			case !known:
				c.warnings = append(c.warnings, fmt.Sprintf("token request parameter %q is not sent by verify, which sends resource and audience only",
					text.OneLine(param.Key, 60)))
				continue
			case *dst != "":
				c.warnings = append(c.warnings, fmt.Sprintf("more than one %s parameter; verify sends the first", param.Key))
				continue
			}
			if *dst, err = vars.expand(param.Key, param.Value); err != nil {
				return err
			}
		}
	}
	for _, name := range []string{postman.ParamResource, postman.ParamAudience} {
		dst := set[name]
		raw, ok := values[name]
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
		c.warnings = append(c.warnings, fmt.Sprintf("%s is in the form Postman wrote before 10.13; "+
			"re-save the collection in a current Postman, or generate it again", name))
	}
	return nil
}

const objectObjectReason = `tokenRequestParams is "[object Object]": the file was written with the parameters typed ` +
	`"string", and Postman's SDK turned them into that text, so resource and audience are lost; ` +
	`set them again in Postman's Authorization tab, or generate the collection again`

// legacyParam reads a resource or audience field of Postman 8.3 to 10.12: a map of ids to
// values, or a plain string.
func legacyParam(name string, raw any) (string, error) {
	switch v := raw.(type) {
	case nil:
		return "", nil
	case string:
		if v == postman.ObjectObject {
			return "", collectionError(fmt.Sprintf("oauth2 %s is %q: Postman's SDK lost its value; set it again in Postman", name, postman.ObjectObject))
		}
		return v, nil
	case map[string]any:
		value := ""
		for _, el := range v {
			s, ok := el.(string)
			if !ok && el != nil {
				data, _ := json.Marshal(el)
				return "", collectionError(fmt.Sprintf("oauth2 %s holds a value that is not a string: %s", name, text.OneLine(string(data), 40)))
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
	return "", collectionError(fmt.Sprintf("oauth2 %s is neither a string nor a map of values", name))
}
