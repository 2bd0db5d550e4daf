package msg

// Messages of internal/safefile and internal/atomicfile: files that
// cannot be read or written.
var (
	// FileNotRegular: a path that is not a regular file; the argument
	// says what it is (文件夹, a directory).
	FileNotRegular = def("FileNotRegular", "不是普通文件（是%s）", "not a regular file (%s)")
	// FileWillNotReplace: a target that exists and is not a regular file.
	FileWillNotReplace = def("FileWillNotReplace", "不会替换 %s:%s", "will not replace %s: %s")
	// FileNoFolder: a target whose folder does not exist.
	FileNoFolder = def("FileNoFolder", "文件夹 %s 不存在,无法写入 %s", "folder %s does not exist; cannot write %s")
	// FileNotFolder: a target whose folder is not a folder.
	FileNotFolder = def("FileNotFolder", "%s 不是文件夹,无法写入 %s", "%s is not a folder; cannot write %s")

	// FileKindDir and the rest name what a path that is not a regular
	// file is (safefile.Describe): an argument of FileNotRegular.
	FileKindDir     = def("FileKindDir", "文件夹", "a directory")
	FileKindSymlink = def("FileKindSymlink", "符号链接", "a symbolic link")
	FileKindFIFO    = def("FileKindFIFO", "命名管道 (FIFO)", "a FIFO")
	FileKindSocket  = def("FileKindSocket", "套接字", "a socket")
	FileKindDevice  = def("FileKindDevice", "设备", "a device")
	FileKindOther   = def("FileKindOther", "非普通文件", "not a regular file")
)
