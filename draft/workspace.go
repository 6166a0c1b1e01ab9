package draft

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redline-dev/redline/store"
	"github.com/redline-dev/redline/store/sqlstore"
)

// StoreDir is the name of the workspace's folder.
const StoreDir = ".redline"

// ErrNoWorkspace is returned when no workspace encloses a folder.
var ErrNoWorkspace = errors.New("not in a redline workspace (no .redline folder here or in any parent folder): run `redline init` to make one")

// Workspace is a folder with a .redline store: the drafts under Root are
// its working copies.
type Workspace struct {
	// Root is the absolute, symlink-free path of the folder that holds
	// .redline.
	Root string
	// Config is .redline/config.yaml.
	Config Config
	// Now is the clock for what is shown and for the default date-time
	// group (REDLINE_NOW may fix it); nil means time.Now. It never stamps
	// a stored record: the store keeps its own clock.
	Now func() time.Time
	// StoreClock stamps stored records; nil means the real clock. Only
	// tests set it, for repeatable output.
	StoreClock func() time.Time
	// Imported says what opening the store carried over from a file-layout
	// workspace, when it did.
	Imported string

	store store.Store
}

// StorePath is the SQLite store's file.
func (ws *Workspace) StorePath() string { return filepath.Join(ws.Dir(), "store.db") }

// Store opens the workspace's store: the PostgreSQL database config.yaml
// names, else the SQLite database in .redline. A workspace still in the
// file layout of earlier releases is carried over on first open (see
// Imported).
func (ws *Workspace) Store() (store.Store, error) {
	if ws.store != nil {
		return ws.store, nil
	}
	ctx := context.Background()
	opts := sqlstore.Options{Clock: ws.StoreClock}
	legacy := ws.hasFileStore()
	var s store.Store
	var err error
	if IsPostgresURL(ws.Config.Store) {
		// Made by init, or empty for a file store to be carried into;
		// otherwise never made anew here.
		opts.Existing = !legacy
		s, err = sqlstore.OpenPostgres(ctx, ws.Config.Store, opts)
	} else {
		if _, serr := os.Stat(ws.StorePath()); serr != nil && !legacy {
			return nil, fmt.Errorf("the store %s is missing: restore it from a backup (a workspace without it has lost its history)", ws.StorePath())
		}
		s, err = sqlstore.OpenSQLite(ctx, ws.StorePath(), opts)
	}
	if err != nil {
		return nil, err
	}
	ws.store = s
	if legacy {
		if err := ws.importFiles(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Close closes the store, if it was opened.
func (ws *Workspace) Close() error {
	if ws.store == nil {
		return nil
	}
	err := ws.store.Close()
	ws.store = nil
	return err
}

// Dir is the path of the .redline folder.
func (ws *Workspace) Dir() string { return filepath.Join(ws.Root, StoreDir) }

// ConfigPath is the path of config.yaml.
func (ws *Workspace) ConfigPath() string { return filepath.Join(ws.Dir(), "config.yaml") }

func (ws *Workspace) draftsDir() string { return filepath.Join(ws.Dir(), "drafts") }

// Init makes a workspace in dir with the default configuration.
func Init(dir string) (*Workspace, error) { return InitWith(dir, DefaultConfig()) }

// InitWith makes a workspace in dir (made if missing) with the given
// configuration. It refuses a folder that already holds one.
func InitWith(dir string, cfg Config) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		// Like git init DIR, make the folder.
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return nil, fmt.Errorf("cannot make a workspace in %s: %w", dir, unwrapPathError(err))
		}
		fi, err = os.Stat(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot make a workspace in %s: %w", dir, unwrapPathError(err))
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("cannot make a workspace in %s: not a folder", dir)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	ws := &Workspace{Root: abs, Config: cfg}
	if _, err := os.Lstat(ws.Dir()); err == nil {
		return nil, fmt.Errorf("%s is already a redline workspace (%s exists)", dir, filepath.Join(dir, StoreDir))
	}
	// Build the store in a temporary folder and rename it into place, so
	// that a failed init leaves nothing behind.
	tmp, err := os.MkdirTemp(abs, ".redline.tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a workspace in %s: %w", dir, unwrapPathError(err))
	}
	fail := func(err error) (*Workspace, error) {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("cannot make a workspace in %s: %w", dir, err)
	}
	if err := CheckStoreURL(cfg.Store); err != nil {
		return fail(err)
	}
	if err := WriteFileAtomic(filepath.Join(tmp, "config.yaml"), cfg.Marshal(), 0o644); err != nil {
		return fail(err)
	}
	if err := makeStore(filepath.Join(tmp, "store.db"), cfg); err != nil {
		return fail(err)
	}
	if err := SyncDir(tmp); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, ws.Dir()); err != nil {
		return fail(err)
	}
	if err := SyncDir(abs); err != nil {
		return nil, err
	}
	return ws, nil
}

// makeStore creates the store a new workspace uses: the SQLite file, or the
// PostgreSQL schema (whose database must exist).
func makeStore(file string, cfg Config) error {
	ctx := context.Background()
	var s store.Store
	var err error
	if IsPostgresURL(cfg.Store) {
		s, err = sqlstore.OpenPostgres(ctx, cfg.Store, sqlstore.Options{})
	} else {
		s, err = sqlstore.OpenSQLite(ctx, file, sqlstore.Options{})
	}
	if err != nil {
		return err
	}
	return s.Close()
}

// FindWorkspace walks up from start to the first folder holding .redline
// and opens that workspace. It returns ErrNoWorkspace when there is none.
func FindWorkspace(start string) (*Workspace, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	for dir := abs; ; {
		fi, err := os.Stat(filepath.Join(dir, StoreDir))
		if err == nil && fi.IsDir() {
			return Open(dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, ErrNoWorkspace
		}
		dir = parent
	}
}

// Open opens the workspace whose root is dir, or returns ErrNoWorkspace
// when dir holds no .redline folder.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	ws := &Workspace{Root: abs}
	if fi, err := os.Stat(ws.Dir()); err != nil || !fi.IsDir() {
		return nil, ErrNoWorkspace
	}
	data, err := os.ReadFile(ws.ConfigPath())
	switch {
	case errors.Is(err, fs.ErrNotExist):
		ws.Config = DefaultConfig()
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %w", ws.ConfigPath(), unwrapPathError(err))
	default:
		cfg, err := ParseConfig(ws.ConfigPath(), data)
		if err != nil {
			return nil, err
		}
		ws.Config = cfg
	}
	return ws, nil
}

// DraftName returns a working copy's name in the store: its path relative
// to the workspace root, with forward slashes. path is absolute or relative
// to the current folder. A path outside the workspace is an error.
func (ws *Workspace) DraftName(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	// Resolve symlinks in the folder (the file itself may not exist).
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		abs = filepath.Join(real, base)
	}
	rel, err := filepath.Rel(ws.Root, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the workspace at %s", path, ws.Root)
	}
	rel = filepath.ToSlash(rel)
	if rel == StoreDir || strings.HasPrefix(rel, StoreDir+"/") {
		return "", fmt.Errorf("%s is inside the store folder %s: drafts live outside it", path, StoreDir)
	}
	return rel, nil
}

// WorkingPath returns the working copy's path for a draft name.
func (ws *Workspace) WorkingPath(name string) string {
	return filepath.Join(ws.Root, filepath.FromSlash(name))
}

// unwrapPathError drops the operation and path of an *fs.PathError, which
// messages name themselves.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
