package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// userConfig is the per-user configuration,
// $XDG_CONFIG_HOME/redline/config.yaml (~/.config/redline/config.yaml):
// the author and office of a person who works in several workspaces. The
// workspace's .redline/config.yaml wins over it, and the environment and
// flags over both.
type userConfig struct {
	Author string `yaml:"author"`
	Office string `yaml:"office"`
}

// userConfigPath is where the per-user configuration lives, or "" when
// neither XDG_CONFIG_HOME nor HOME is set.
func (f *Factory) userConfigPath() string {
	dir := f.IO.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) { // the XDG rule: a relative value is ignored
		home := f.IO.Getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "redline", "config.yaml")
}

// readUserConfig reads the per-user configuration; a missing file is an
// empty one. An unknown key is an error with the file and line, as in the
// workspace's configuration.
func (f *Factory) readUserConfig() (userConfig, error) {
	var c userConfig
	path := f.userConfigPath()
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("cannot read %s: %w", path, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		msg := err.Error()
		var te *yaml.TypeError
		if errors.As(err, &te) {
			msg = strings.Join(te.Errors, "; ")
		}
		msg = unknownFieldRE().ReplaceAllString(msg, "unknown key $1")
		return c, fmt.Errorf("%s: %s (it may hold author and office)", path, msg)
	}
	return c, nil
}

var unknownFieldRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`field (\S+) not found in type \S+`) })
