<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionPadPanel</name>
    <message>
        <source>Explain product (讲解)</source>
        <translation>讲解商品</translation>
    </message>
    <message>
        <source>Push product (商品上屏)</source>
        <translation>商品上屏</translation>
    </message>
    <message>
        <source>Coupon (发券)</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Start lottery (发起抽奖)</source>
        <translation>发起抽奖</translation>
    </message>
    <message>
        <source>Draw (开奖)</source>
        <translation>开奖</translation>
    </message>
    <message>
        <source>Announcement (公告)</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Take off screen (下屏)</source>
        <translation>下屏</translation>
    </message>
    <message>
        <source>Next step (下一步)</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>To do by hand in the platform&apos;s tool — tick when done:</source>
        <translation>需在平台工具里手动完成——完成后打勾：</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>End of the running order.</source>
        <translation>节目单已结束。</translation>
    </message>
    <message>
        <source>On air: {title}</source>
        <translation>正在上屏：{title}</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>未发送：{reason}</translation>
    </message>
    <message>
        <source>{mark} {target}: done</source>
        <translation>{mark} {target}：已完成</translation>
    </message>
    <message>
        <source>{mark} {target}: do it by hand — {step}</source>
        <translation>{mark} {target}：需手动完成——{step}</translation>
    </message>
    <message>
        <source>{mark} {target}: not done — {reason}</source>
        <translation>{mark} {target}：未完成——{reason}</translation>
    </message>
    <message>
        <source>{key}  Interrupt the explanation?
Press again to send</source>
        <translation>{key}  要打断讲解吗？
再按一次发送</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Internal error ({kind}). Run again with --debug for details.</source>
        <translation>内部错误（{kind}）。加上 --debug 再运行一次可看详情。</translation>
    </message>
    <message>
        <source>No scene named “{name}”. Scenes: {names}</source>
        <translation>没有名为“{name}”的场景。现有场景：{names}</translation>
    </message>
    <message>
        <source>No show plan at {path}. Check the file name.</source>
        <translation>{path} 没有直播方案。请检查文件名。</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text. Save the plan as UTF-8 and try again.</source>
        <translation>{path} 不是 UTF-8 文本。请把节目单另存为 UTF-8 后再试。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{count} problem(s) in the show plan.</source>
        <translation>节目单有 {count} 个问题。</translation>
    </message>
    <message>
        <source>The show plan is fine: {products} products, {lotteries} lotteries, {steps} steps.</source>
        <translation>节目单没有问题：{products} 个商品，{lotteries} 个抽奖，{steps} 个步骤。</translation>
    </message>
    <message>
        <source>Port {port} is not a port number (0–65535).</source>
        <translation>端口 {port} 不是有效的端口号（0–65535）。</translation>
    </message>
    <message>
        <source>Mini-program live emulator running at {url}</source>
        <translation>小程序直播模拟器已运行：{url}</translation>
    </message>
    <message>
        <source>Rehearsal AppID: {app_id} (any AppSecret). Control: POST {url} Press Ctrl+C to stop.</source>
        <translation>彩排 AppID：{app_id}（AppSecret 随便填）。控制：POST {url} 按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1:{port} ({reason}). Pick another port with --port.</source>
        <translation>无法监听 127.0.0.1:{port}（{reason}）。请用 --port 换一个端口。</translation>
    </message>
    <message>
        <source>Emulator stopped.</source>
        <translation>模拟器已停止。</translation>
    </message>
    <message>
        <source>Paste the push address, then press Ctrl-D (on Windows: Ctrl-Z, Enter).</source>
        <translation>粘贴推流地址，然后按 Ctrl-D（Windows 上按 Ctrl-Z 再按回车）。</translation>
    </message>
    <message>
        <source>no expiry in the address</source>
        <translation>地址里没有到期时间</translation>
    </message>
    <message>
        <source>{time} — EXPIRED, get a new push address</source>
        <translation>{time}——已过期，请获取新的推流地址</translation>
    </message>
    <message>
        <source>Server:     {server}</source>
        <translation>服务器：    {server}</translation>
    </message>
    <message>
        <source>Stream key: {key}</source>
        <translation>串流密钥：{key}</translation>
    </message>
    <message>
        <source>Expires:    {expiry}</source>
        <translation>到期时间：  {expiry}</translation>
    </message>
    <message>
        <source>Saved the push address for “{room}” in the system keyring (key {key}, expires {expiry}).</source>
        <translation>已把“{room}”的推流地址保存到系统钥匙串（密钥 {key}，{expiry} 到期）。</translation>
    </message>
    <message>
        <source>No saved rooms. Save one with: studio-console key save ROOM &lt; address.txt</source>
        <translation>还没有保存的直播间。保存方法：studio-console key save ROOM &lt; address.txt</translation>
    </message>
    <message>
        <source>OBS now pushes to {server} with key {key} (read back from OBS and checked).</source>
        <translation>OBS 现在推流到 {server}，串流密钥 {key}（已从 OBS 读回并核对）。</translation>
    </message>
    <message>
        <source>Deleted the push address of “{room}”.</source>
        <translation>已删除“{room}”的推流地址。</translation>
    </message>
    <message>
        <source>Goods {goods} pushed on screen in room {room}.</source>
        <translation>商品 {goods} 已在直播间 {room} 上屏。</translation>
    </message>
    <message>
        <source>Scene: {scene}</source>
        <translation>场景：{scene}</translation>
    </message>
    <message>
        <source>Canvas {cw}×{ch}, output {w}×{h}</source>
        <translation>画布 {cw}×{ch}，输出 {w}×{h}</translation>
    </message>
    <message>
        <source>Output preset: x264, video {kbps} kbps, audio 160 kbps</source>
        <translation>输出预设：x264，视频 {kbps} kbps，音频 160 kbps</translation>
    </message>
    <message>
        <source>To do by hand: {step}</source>
        <translation>需要手动完成：{step}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>注意：{note}</translation>
    </message>
    <message>
        <source>Cameras ({kind}):</source>
        <translation>摄像头（{kind}）：</translation>
    </message>
    <message>
        <source>Windows ({kind}):</source>
        <translation>窗口（{kind}）：</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>OBS WebSocket address, e.g. ws://127.0.0.1:4455</source>
        <translation>OBS WebSocket 地址，例如 ws://127.0.0.1:4455</translation>
    </message>
    <message>
        <source>OBS password (kept in the system keyring)</source>
        <translation>OBS 密码（保存在系统钥匙串）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>OBS too old</source>
        <translation>OBS 版本太旧</translation>
    </message>
    <message>
        <source>OBS {obs} · WebSocket {ws}</source>
        <translation>OBS {obs} · WebSocket {ws}</translation>
    </message>
    <message>
        <source>Next try in {seconds} s.</source>
        <translation>{seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>That is not an OBS address. Use the form ws://127.0.0.1:4455.</source>
        <translation>这不是 OBS 地址。请按 ws://127.0.0.1:4455 的格式填写。</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>OBS answers at {where}.</source>
        <translation>OBS 在 {where} 正常应答。</translation>
    </message>
    <message>
        <source>Advanced: the console cannot set the encoder bitrate; set it in OBS → Settings → Output.</source>
        <translation>高级模式：中控台无法设置编码码率，请在 OBS → 设置 → 输出 中手动设置。</translation>
    </message>
    <message>
        <source>not checked: OBS not reachable</source>
        <translation>未检查：连不上 OBS</translation>
    </message>
    <message>
        <source>{backend}: no usable keyring, secrets cannot be saved</source>
        <translation>{backend}：没有可用的系统钥匙串，密钥无法保存</translation>
    </message>
    <message>
        <source>No Chinese font found: overlays would show empty boxes. Install one (Linux: fonts-wqy-microhei or fonts-noto-cjk).</source>
        <translation>没有找到中文字体：画面上的文字会显示成方框。请安装一个（Linux：fonts-wqy-microhei 或 fonts-noto-cjk）。</translation>
    </message>
</context>
<context>
    <name>DryRunRoom</name>
    <message>
        <source>Rehearsal (dry run)</source>
        <translation>彩排（试运行）</translation>
    </message>
    <message>
        <source>Rehearsal: “{title}” marked done; nothing was sent to a live room.</source>
        <translation>彩排：已将“{title}”标记为完成；没有向直播间发送任何内容。</translation>
    </message>
</context>
<context>
    <name>HealthCli</name>
    <message>
        <source>time      kbit/s   dropped  congestion  status</source>
        <translation>时间      kbit/s   丢帧     拥塞        状态</translation>
    </message>
    <message>
        <source>No samples: OBS did not answer.</source>
        <translation>没有数据：OBS 没有响应。</translation>
    </message>
    <message>
        <source>— OBS reconnecting to the platform —</source>
        <translation>— OBS 正在重新连接平台 —</translation>
    </message>
    <message>
        <source>— OBS not answering —</source>
        <translation>— OBS 没有响应 —</translation>
    </message>
    <message>
        <source>— not streaming —</source>
        <translation>— 未在推流 —</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>Dropped (network)</source>
        <translation>丢帧（网络）</translation>
    </message>
    <message>
        <source>Skipped (encoder)</source>
        <translation>跳帧（编码器）</translation>
    </message>
    <message>
        <source>Render lag</source>
        <translation>渲染延迟</translation>
    </message>
    <message>
        <source>Congestion</source>
        <translation>网络拥塞</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>跟随实时</translation>
    </message>
    <message>
        <source>Keep the last ten minutes in view</source>
        <translation>只看最近十分钟</translation>
    </message>
    <message>
        <source>Whole show</source>
        <translation>整场直播</translation>
    </message>
    <message>
        <source>Show every sample since the stream started</source>
        <translation>显示开播以来的全部数据</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>OBS not answering</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <source>{0:.0f} kbit/s</source>
        <translation>{0:.0f} kbit/s</translation>
    </message>
    <message>
        <source>({0} of {1} frames in all)</source>
        <translation>（共 {1} 帧中的 {0} 帧）</translation>
    </message>
    <message>
        <source>({0:.1f} ms a frame)</source>
        <translation>（每帧 {0:.1f} 毫秒）</translation>
    </message>
</context>
<context>
    <name>HealthRecorder</name>
    <message>
        <source>Cannot save the stream health to {path}: {reason}. The chart goes on; free some disk space or check the folder&apos;s permissions.</source>
        <translation>无法把推流状态保存到 {path}：{reason}。图表会继续显示；请腾出一些磁盘空间，或检查该文件夹的权限。</translation>
    </message>
</context>
<context>
    <name>HealthStatus</name>
    <message>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>偏低</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>危险</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Not streaming. Start the stream in OBS to see its health.</source>
        <translation>未在推流。请在 OBS 中开始推流以查看推流状态。</translation>
    </message>
    <message>
        <source>Measuring the bitrate… a verdict follows in a few seconds.</source>
        <translation>正在测量码率……几秒后给出结果。</translation>
    </message>
    <message>
        <source>OBS lost the connection to the platform and is reconnecting. Check the network (cable, router); viewers see a frozen picture.</source>
        <translation>OBS 与平台断开连接，正在重连。请检查网络（网线、路由器）；观众看到的画面是卡住的。</translation>
    </message>
    <message>
        <source>OBS is not answering. Check that OBS is still running; restart it if it froze, then start the stream again.</source>
        <translation>OBS 没有响应。请确认 OBS 仍在运行；如果卡死就重启它，然后重新开始推流。</translation>
    </message>
    <message>
        <source>The stream is back. Watching the bitrate before calling it stable.</source>
        <translation>推流已恢复。先观察码率，稳定后再确认。</translation>
    </message>
    <message>
        <source>Bitrate steady at {kbps} kbit/s, above 1200: 超清 is safe. Nothing to do.</source>
        <translation>码率稳定在 {kbps} kbit/s，高于 1200：超清没问题，不用处理。</translation>
    </message>
    <message>
        <source>Bitrate {kbps} kbit/s, between 800 and 1200: viewers get 高清. Check the network; if it keeps falling, switch OBS to the 720P settings.</source>
        <translation>码率 {kbps} kbit/s，在 800 到 1200 之间：观众看到的是高清。请检查网络；如果继续下降，把 OBS 切到 720P 设置。</translation>
    </message>
    <message>
        <source>Bitrate {kbps} kbit/s, below 800: the picture stutters. Switch OBS to the 720P settings now and check the network (a cable instead of Wi-Fi).</source>
        <translation>码率 {kbps} kbit/s，低于 800：画面会卡。请马上把 OBS 切到 720P 设置，并检查网络（用网线代替 Wi-Fi）。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>No column with the product name was found (looked for 商品名称, 商品标题, 标题 …). Choose which column holds the name.</source>
        <translation>没找到商品名称列（已查找 商品名称、商品标题、标题 …）。请选择哪一列是商品名称。</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>{path} 处没有文件。</translation>
    </message>
    <message>
        <source>Could not read {name} as a goods list ({detail}). Save it again from the back office as .xlsx or .csv and retry.</source>
        <translation>无法把 {name} 读成商品列表（{detail}）。请从后台重新保存为 .xlsx 或 .csv 后再试。</translation>
    </message>
    <message>
        <source>The goods id {id} is a rounded number: the spreadsheet lost its last digits. Export the list again with the id column as text; this row was skipped.</source>
        <translation>商品 ID {id} 是被四舍五入的数字：表格丢了最后几位。请把 ID 列设为文本后重新导出列表；这一行已跳过。</translation>
    </message>
    <message>
        <source>The goods id {id} is in E+ notation: Excel rounded it and digits are lost. Export the list again without opening it in Excel (or format the column as text); this row was skipped.</source>
        <translation>商品 ID {id} 是 E+ 科学计数法：Excel 做了四舍五入，丢了数字。请重新导出列表，不要用 Excel 打开（或把该列设为文本格式）；这一行已跳过。</translation>
    </message>
    <message>
        <source>The goods id {id} ends in zeros, as a number rounded by Excel does. Check it against the back office; this row was imported, check its id.</source>
        <translation>商品 ID {id} 以一串 0 结尾，像是被 Excel 四舍五入过的数字。请和后台核对；这一行已导入，请检查它的 ID。</translation>
    </message>
    <message>
        <source>{name} has no rows.</source>
        <translation>{name} 没有数据行。</translation>
    </message>
    <message>
        <source>No product name in this row; it was skipped.</source>
        <translation>这一行没有商品名称，已跳过。</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <source>Push keys (推流密钥)</source>
        <translation>推流密钥</translation>
    </message>
    <message>
        <source>Paste the push address (推流地址) from the live console here — the whole chat message is fine.</source>
        <translation>把直播中控台里的推流地址粘贴到这里——整条聊天消息都可以。</translation>
    </message>
    <message>
        <source>Hold to show</source>
        <translation>按住显示</translation>
    </message>
    <message>
        <source>The key is shown only while you hold the button down</source>
        <translation>按住按钮时才显示密钥</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>复制密钥</translation>
    </message>
    <message>
        <source>Room name, e.g. 周五美妆专场</source>
        <translation>直播间名称，例如 周五美妆专场</translation>
    </message>
    <message>
        <source>Save for this room</source>
        <translation>为此直播间保存</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Stream key</source>
        <translation>串流密钥</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Live room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>剩余有效期</translation>
    </message>
    <message>
        <source>Apply to OBS</source>
        <translation>应用到 OBS</translation>
    </message>
    <message>
        <source>Sets OBS&apos;s server and stream key; not while streaming</source>
        <translation>设置 OBS 的服务器和串流密钥；推流时不可用</translation>
    </message>
    <message>
        <source>Delete room</source>
        <translation>删除直播间</translation>
    </message>
    <message>
        <source>Saved rooms</source>
        <translation>已保存的直播间</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>无过期时间</translation>
    </message>
    <message>
        <source>EXPIRED — get a new address</source>
        <translation>已过期——请获取新地址</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>No expiry time in this address</source>
        <translation>此地址中没有过期时间</translation>
    </message>
    <message>
        <source>{time} (in {countdown})</source>
        <translation>{time}（还剩 {countdown}）</translation>
    </message>
    <message>
        <source>{time} — EXPIRED, get a new push address</source>
        <translation>{time}——已过期，请获取新的推流地址</translation>
    </message>
    <message>
        <source>Saved for “{room}” in the system keyring.</source>
        <translation>已为“{room}”保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>OBS now pushes to {server} with key {key} — read back from OBS and checked.</source>
        <translation>OBS 现在推流到 {server}，串流密钥 {key}——已从 OBS 读回并核对。</translation>
    </message>
    <message>
        <source>Deleted “{room}”.</source>
        <translation>已删除“{room}”。</translation>
    </message>
    <message>
        <source>Push address read. Give the live room a name and save it.</source>
        <translation>已读取推流地址。请给直播间起个名字并保存。</translation>
    </message>
    <message>
        <source>Stream key copied. Paste it only into OBS.</source>
        <translation>已复制串流密钥。只能粘贴到 OBS 里。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Studio Console · 直播中控台</source>
        <translation>直播中控台 · Studio Console</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Stream health 推流健康</source>
        <translation>推流健康</translation>
    </message>
    <message>
        <source>Push keys 推流密钥</source>
        <translation>推流密钥</translation>
    </message>
    <message>
        <source>Portrait studio 竖屏直播间</source>
        <translation>竖屏直播间</translation>
    </message>
    <message>
        <source>Live room 直播间</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Show plan 节目单</source>
        <translation>节目单</translation>
    </message>
    <message>
        <source>Mini-program room {id}</source>
        <translation>小程序直播间 {id}</translation>
    </message>
</context>
<context>
    <name>ManualRoom</name>
    <message>
        <source>Push “{title}” to the screen (商品上屏) in the live console or the anchor app.</source>
        <translation>在直播控制台或主播端 App 里把“{title}”商品上屏。</translation>
    </message>
    <message>
        <source>Put “{title}” on the shelf (上架) in the live console.</source>
        <translation>在直播控制台把“{title}”上架。</translation>
    </message>
    <message>
        <source>Take “{title}” off the shelf (下架) in the live console.</source>
        <translation>在直播控制台把“{title}”下架。</translation>
    </message>
    <message>
        <source>Send the coupon “{title}” (推送优惠券) in the live console or the anchor app.</source>
        <translation>在直播控制台或主播端 App 里发券“{title}”（推送优惠券）。</translation>
    </message>
    <message>
        <source>Start the lottery “{title}” (发起抽奖) in the anchor app.</source>
        <translation>在主播端 App 里发起抽奖“{title}”。</translation>
    </message>
    <message>
        <source>Draw the lottery “{title}” (开奖); keep the anchor app in front until it is done.</source>
        <translation>开奖“{title}”；开奖完成前请让主播端 App 保持在前台。</translation>
    </message>
    <message>
        <source>Send the announcement (公告) in the live console: “{title}”.</source>
        <translation>在直播控制台发公告：“{title}”。</translation>
    </message>
    <message>
        <source>Press “推送本场直播” in the live console (once a day).</source>
        <translation>在直播控制台点“推送本场直播”（每天一次）。</translation>
    </message>
    <message>
        <source>Manual (checklist)</source>
        <translation>手动（清单）</translation>
    </message>
</context>
<context>
    <name>ObsLink</name>
    <message>
        <source>OBS is not running at {where}, or its WebSocket server is off (OBS: Tools → WebSocket Server Settings).</source>
        <translation>{where} 上没有运行 OBS，或 OBS 的 WebSocket 服务器没有开启（OBS：工具 → WebSocket 服务器设置）。</translation>
    </message>
    <message>
        <source>Nothing answers at {where}. Is OBS frozen, or is this the right port?</source>
        <translation>{where} 没有任何应答。OBS 是否卡死了？端口是否填对？</translation>
    </message>
    <message>
        <source>Cannot reach OBS at {where}: {reason}</source>
        <translation>连不上 {where} 上的 OBS：{reason}</translation>
    </message>
    <message>
        <source>OBS asks for a password. Enter the one shown in OBS: Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS 需要密码。请填写 OBS 中显示的密码：工具 → WebSocket 服务器设置 → 显示连接信息。</translation>
    </message>
    <message>
        <source>OBS closed the connection while logging in. Retrying.</source>
        <translation>登录时 OBS 断开了连接，正在重试。</translation>
    </message>
    <message>
        <source>Wrong OBS password. Copy it again from OBS: Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS 密码错误。请从 OBS 重新复制：工具 → WebSocket 服务器设置 → 显示连接信息。</translation>
    </message>
    <message>
        <source>OBS refused the connection (code {code}). Retrying.</source>
        <translation>OBS 拒绝了连接（代码 {code}），正在重试。</translation>
    </message>
    <message>
        <source>This OBS does not speak obs-websocket 5. Update OBS to version 28 or newer (it has the WebSocket server built in).</source>
        <translation>这个 OBS 不支持 obs-websocket 5。请把 OBS 升级到 28 或更新版本（自带 WebSocket 服务器）。</translation>
    </message>
    <message>
        <source>Not connected to OBS.</source>
        <translation>未连接 OBS。</translation>
    </message>
    <message>
        <source>Lost the connection to OBS. Reconnecting…</source>
        <translation>与 OBS 的连接断了，正在重连…</translation>
    </message>
    <message>
        <source>Connecting to OBS at {where}…</source>
        <translation>正在连接 {where} 上的 OBS…</translation>
    </message>
    <message>
        <source>Could not connect to OBS at {where}. Retrying.</source>
        <translation>无法连接 {where} 上的 OBS，正在重试。</translation>
    </message>
    <message>
        <source>Connected to OBS {obs} (WebSocket {ws}).</source>
        <translation>已连接 OBS {obs}（WebSocket {ws}）。</translation>
    </message>
    <message>
        <source>OBS went away. Reconnecting as soon as it is back…</source>
        <translation>OBS 不见了。它一回来就会自动重连…</translation>
    </message>
    <message>
        <source>OBS is closing. Reconnecting as soon as it is back…</source>
        <translation>OBS 正在关闭。它一回来就会自动重连…</translation>
    </message>
    <message>
        <source>OBS is busy with something else. Try again in a moment.</source>
        <translation>OBS 正忙，请稍后再试。</translation>
    </message>
    <message>
        <source>OBS does not allow this while studio mode is off.</source>
        <translation>需要先打开 OBS 的工作室模式才能这样做。</translation>
    </message>
    <message>
        <source>OBS cannot do this while the output is running. Stop the stream first.</source>
        <translation>推流进行中，OBS 不能做这个操作。请先停止推流。</translation>
    </message>
    <message>
        <source>OBS cannot do this while the output is not running.</source>
        <translation>没有在推流，OBS 不能做这个操作。</translation>
    </message>
    <message>
        <source>OBS has nothing by that name.</source>
        <translation>OBS 里没有这个名字的项目。</translation>
    </message>
    <message>
        <source>Something with that name already exists in OBS.</source>
        <translation>OBS 里已经有同名的项目。</translation>
    </message>
    <message>
        <source>OBS refused the request {request} (code {code}).</source>
        <translation>OBS 拒绝了请求 {request}（代码 {code}）。</translation>
    </message>
</context>
<context>
    <name>Overlays</name>
    <message>
        <source>This OBS has no text source, so the console cannot draw overlays. Install OBS from obsproject.com (it includes the text source).</source>
        <translation>这个 OBS 没有文本来源，中控台无法绘制叠加层。请从 obsproject.com 安装 OBS（自带文本来源）。</translation>
    </message>
    <message>
        <source>The product image {path} was not found; the card is shown without it.</source>
        <translation>找不到商品图片 {path}；卡片将不带图片显示。</translation>
    </message>
    <message>
        <source>The product image could not be downloaded ({reason}); the card is shown without it.</source>
        <translation>商品图片无法下载（{reason}）；卡片将不带图片显示。</translation>
    </message>
    <message>
        <source>larger than 10 MB</source>
        <translation>大于 10 MB</translation>
    </message>
    <message>
        <source>Could not put the {what} on screen in OBS: {reason}</source>
        <translation>无法在 OBS 中显示{what}：{reason}</translation>
    </message>
    <message>
        <source>Could not take the {what} off screen in OBS: {reason}</source>
        <translation>无法在 OBS 中撤下{what}：{reason}</translation>
    </message>
    <message>
        <source>product card</source>
        <translation>商品卡片</translation>
    </message>
    <message>
        <source>coupon banner</source>
        <translation>优惠券横幅</translation>
    </message>
    <message>
        <source>lottery countdown</source>
        <translation>抽奖倒计时</translation>
    </message>
    <message>
        <source>announcement ticker</source>
        <translation>公告滚动条</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>The show plan has {count} problem(s); the first, on line {line}: {message}</source>
        <translation>直播方案有 {count} 个问题；第一个在第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>No show plan at {path}. Check the file name.</source>
        <translation>{path} 没有直播方案。请检查文件名。</translation>
    </message>
    <message>
        <source>The show plan {path} is not UTF-8 text. Save it as UTF-8 and try again.</source>
        <translation>直播方案 {path} 不是 UTF-8 文本。请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <source>This is not valid TOML here ({detail}). Check quotes, brackets and “=”.</source>
        <translation>这里的 TOML 格式不对（{detail}）。请检查引号、括号和“=”。</translation>
    </message>
    <message>
        <source>Unknown section “{name}”. Sections are: show, products, coupons, lotteries, announcements, order.</source>
        <translation>不认识的分区“{name}”。可用的分区：show、products、coupons、lotteries、announcements、order。</translation>
    </message>
    <message>
        <source>“{name}” must be a list of [[{name}]] tables.</source>
        <translation>“{name}”必须是 [[{name}]] 表的列表。</translation>
    </message>
    <message>
        <source>Unknown field “{key}” in {section}. Known fields: {known}.</source>
        <translation>{section} 里有不认识的字段“{key}”。可用的字段：{known}。</translation>
    </message>
    <message>
        <source>“show” must be a [show] table.</source>
        <translation>“show”必须是一个 [show] 表。</translation>
    </message>
    <message>
        <source>Show kind “{kind}” is unknown: use “sales” (带货专场) or “content_sales” (内容+带货).</source>
        <translation>不认识直播类型“{kind}”：请用“sales”（带货专场）或“content_sales”（内容+带货）。</translation>
    </message>
    <message>
        <source>The start must be a date and time such as 2024-06-18T20:00:00+08:00.</source>
        <translation>开始时间必须是日期和时间，例如 2024-06-18T20:00:00+08:00。</translation>
    </message>
    <message>
        <source>A live session may last at most 12 hours (720 minutes); this plan has {n}. Split it into two shows.</source>
        <translation>一场直播最长 12 小时（720 分钟），这份方案有 {n} 分钟。请拆成两场直播。</translation>
    </message>
    <message>
        <source>The live price {live} is higher than the list price {price}. Check the prices of “{name}”.</source>
        <translation>直播价 {live} 高于原价 {price}。请检查“{name}”的价格。</translation>
    </message>
    <message>
        <source>Talking points must be a list of texts, e.g. [&quot;功能&quot;, &quot;价格&quot;].</source>
        <translation>讲解要点必须是文字列表，例如 [&quot;功能&quot;, &quot;价格&quot;]。</translation>
    </message>
    <message>
        <source>Lottery kind “{kind}” is unknown: use “comment” (评论抽奖) or “like” (点赞抽奖).</source>
        <translation>不认识抽奖类型“{kind}”：请用“comment”（评论抽奖）或“like”（点赞抽奖）。</translation>
    </message>
    <message>
        <source>Step “{step}” is unknown. Steps are: {known}.</source>
        <translation>不认识步骤“{step}”。可用的步骤：{known}。</translation>
    </message>
    <message>
        <source>A segment needs a title, e.g. title = &quot;开场互动&quot;.</source>
        <translation>每个环节都要有标题，例如 title = &quot;开场互动&quot;。</translation>
    </message>
    <message>
        <source>Step “{step}” needs ref = the id of one of the {table}.</source>
        <translation>步骤“{step}”需要 ref = 某个 {table} 的 id。</translation>
    </message>
    <message>
        <source>No {table} with id “{ref}”. Known ids: {ids}.</source>
        <translation>没有 id 为“{ref}”的 {table}。已有的 id：{ids}。</translation>
    </message>
    <message>
        <source>The id “{id}” is used twice (first on line {line}). Each id must be unique.</source>
        <translation>id“{id}”重复使用了（第一次在第 {line} 行）。每个 id 必须唯一。</translation>
    </message>
    <message>
        <source>A live room can have at most {cap} lotteries; this plan has {n}. Remove {extra}.</source>
        <translation>一个直播间最多只能有 {cap} 个抽奖，这份方案有 {n} 个。请删掉 {extra} 个。</translation>
    </message>
    <message>
        <source>A live room&apos;s shelf holds at most {cap} goods; this plan has {n}. Split the goods over two shows.</source>
        <translation>一个直播间的货架最多放 {cap} 个商品，这份方案有 {n} 个。请把商品分到两场直播。</translation>
    </message>
    <message>
        <source>The lottery “{prize}” starts about {start} min into the show and would be drawn after the planned end ({end} min): the draw would fail. Move it earlier or shorten it.</source>
        <translation>抽奖“{prize}”大约在开播后 {start} 分钟开始，开奖会晚于计划结束时间（{end} 分钟）：开奖会失败。请提前或缩短这个抽奖。</translation>
    </message>
    <message>
        <source>Each entry needs an id = &quot;…&quot; (a short unique name used in the running order).</source>
        <translation>每一项都要有 id = &quot;…&quot;（一个简短且不重复的名字，节目单里会用到）。</translation>
    </message>
    <message>
        <source>“{key}” is missing.</source>
        <translation>缺少“{key}”。</translation>
    </message>
    <message>
        <source>“{key}” must be text in quotes.</source>
        <translation>“{key}”必须是带引号的文字。</translation>
    </message>
    <message>
        <source>“{key}” is empty.</source>
        <translation>“{key}”为空。</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>一个整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <source>“{key}” must be {kind}, without quotes.</source>
        <translation>“{key}”必须是{kind}，不要加引号。</translation>
    </message>
    <message>
        <source>“{key}” must be at least {minimum}.</source>
        <translation>“{key}”至少为 {minimum}。</translation>
    </message>
    <message>
        <source>“{key}” must be a price in yuan, e.g. 59.9.</source>
        <translation>“{key}”必须是以元为单位的价格，例如 59.9。</translation>
    </message>
    <message>
        <source>The goods id {id} was rounded by a spreadsheet (E+ notation): digits are lost. Copy the id again from the platform&apos;s goods list.</source>
        <translation>商品 id {id} 被表格软件转成了科学计数法（E+），丢失了数字。请从平台的商品列表重新复制 id。</translation>
    </message>
</context>
<context>
    <name>PlanEditorPanel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Price (¥)</source>
        <translation>价格（¥）</translation>
    </message>
    <message>
        <source>Live price (¥)</source>
        <translation>直播价（¥）</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Goods id</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Talking points (a / b)</source>
        <translation>讲解要点（a / b）</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Kind (comment/like)</source>
        <translation>类型（评论/点赞）</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>中奖名单</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Text (4–34 characters)</source>
        <translation>文字（4–34 个字）</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Lotteries</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Running order (drag to reorder)</source>
        <translation>节目单（拖动调整顺序）</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Import goods list…</source>
        <translation>导入商品清单…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>“{text}” is not a number. Type digits, e.g. 59.9.</source>
        <translation>“{text}”不是数字。请输入数字，例如 59.9。</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>New coupon</source>
        <translation>新建优惠券</translation>
    </message>
    <message>
        <source>New prize</source>
        <translation>新建奖品</translation>
    </message>
    <message>
        <source>New announcement</source>
        <translation>新建公告</translation>
    </message>
    <message>
        <source>Import a goods list</source>
        <translation>导入商品清单</translation>
    </message>
    <message>
        <source>Goods lists (*.xlsx *.xls *.csv *.txt);;All files (*)</source>
        <translation>商品清单 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported {count} products from {name}.</source>
        <translation>已从 {name} 导入 {count} 个商品。</translation>
    </message>
    <message>
        <source>{count} rows skipped; row {row}: {message}</source>
        <translation>跳过了 {count} 行；第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Choose where to save the plan first.</source>
        <translation>请先选择节目单的保存位置。</translation>
    </message>
    <message>
        <source>Could not save the plan: {reason}. Check the folder and try again.</source>
        <translation>无法保存节目单：{reason}。请检查文件夹后重试。</translation>
    </message>
    <message>
        <source>Saved. {count} problem(s) to fix; the first: {message}</source>
        <translation>已保存。有 {count} 个问题需要修改；第一个：{message}</translation>
    </message>
    <message>
        <source>Saved. The plan has no problems.</source>
        <translation>已保存。节目单没有问题。</translation>
    </message>
</context>
<context>
    <name>PushAddress</name>
    <message>
        <source>The push address has no server name after {scheme}://. Copy the whole address again from the live console (直播控制台).</source>
        <translation>推流地址在 {scheme}:// 后面没有服务器名。请从直播控制台重新复制完整地址。</translation>
    </message>
    <message>
        <source>The push address has no stream key after “{server}”. Copy the whole address again; the key is the part after live/.</source>
        <translation>推流地址在“{server}”后面没有串流密钥。请重新复制完整地址；密钥是 live/ 后面的部分。</translation>
    </message>
    <message>
        <source>The push address looks cut off: it should carry both txSecret and txTime. Copy the whole address again from the live console (直播控制台).</source>
        <translation>推流地址好像被截断了：它应该同时包含 txSecret 和 txTime。请从直播控制台重新复制完整地址。</translation>
    </message>
    <message>
        <source>Nothing to read. Paste the push address (推流地址) from the live console.</source>
        <translation>没有可读取的内容。请粘贴直播控制台里的推流地址。</translation>
    </message>
    <message>
        <source>This is a {scheme}:// link, not a push address. A push address starts with rtmp:// or rtmps:// (live console → 推流地址).</source>
        <translation>这是 {scheme}:// 链接，不是推流地址。推流地址以 rtmp:// 或 rtmps:// 开头（直播控制台 → 推流地址）。</translation>
    </message>
    <message>
        <source>No push address found. It starts with rtmp:// — copy it from the live console (直播控制台 → 推流地址).</source>
        <translation>没找到推流地址。推流地址以 rtmp:// 开头，请从直播控制台复制（直播控制台 → 推流地址）。</translation>
    </message>
    <message>
        <source>The text holds {count} push addresses. Paste only the one for this show.</source>
        <translation>这段文字里有 {count} 个推流地址。请只粘贴本场直播的那一个。</translation>
    </message>
    <message>
        <source>The server part of the push address is not valid (check the port after the colon). Copy the whole address again.</source>
        <translation>推流地址的服务器部分无效（请检查冒号后的端口）。请重新复制完整地址。</translation>
    </message>
    <message>
        <source>A push address starts with rtmp:// or rtmps://.</source>
        <translation>推流地址以 rtmp:// 或 rtmps:// 开头。</translation>
    </message>
    <message>
        <source>The expiry time in the push address (txTime) cannot be read. Copy the whole address again from the live console.</source>
        <translation>推流地址里的到期时间（txTime）无法读取。请从直播控制台重新复制完整地址。</translation>
    </message>
    <message>
        <source>The expiry time in the push address (txTime) is out of range. Copy the whole address again from the live console.</source>
        <translation>推流地址里的到期时间（txTime）超出范围。请从直播控制台重新复制完整地址。</translation>
    </message>
</context>
<context>
    <name>PushKeyApply</name>
    <message>
        <source>This push address expired at {time}. Get a new one in the live console (直播控制台 → 推流地址) and paste it here.</source>
        <translation>这个推流地址已在 {time} 过期。请在直播控制台 → 推流地址 获取新的地址并粘贴到这里。</translation>
    </message>
    <message>
        <source>OBS is streaming right now, so the push address cannot be changed (it would cut the show). Stop the stream first, then apply the new address.</source>
        <translation>OBS 正在推流，不能更改推流地址（否则会中断直播）。请先停止推流，再应用新地址。</translation>
    </message>
    <message>
        <source>OBS did not keep the push address (reading it back gave something else). Open OBS → Settings → Stream and check the server and stream key, or apply again.</source>
        <translation>OBS 没有保存推流地址（读回来的内容不一致）。请打开 OBS → 设置 → 推流，检查服务器和串流密钥，或重新应用。</translation>
    </message>
    <message>
        <source>Not starting: the push address in OBS expired at {time}, so the platform would refuse the stream. Get a new push address in the live console (直播控制台 → 推流地址) and apply it.</source>
        <translation>无法开播：OBS 里的推流地址已在 {time} 过期，平台会拒绝推流。请在直播控制台 → 推流地址 获取新的推流地址并应用。</translation>
    </message>
    <message>
        <source>This push address expired at {time}. Get a new one in the live console.</source>
        <translation>这个推流地址已在 {time} 过期。请在直播控制台获取新的地址。</translation>
    </message>
    <message>
        <source>This push address expires at {time}, {minutes} min before the planned end of the show ({end}). The stream will be cut then: get a fresh address before going live.</source>
        <translation>这个推流地址将在 {time} 过期，比计划结束时间（{end}）早 {minutes} 分钟。到时推流会中断：请在开播前换一个新地址。</translation>
    </message>
</context>
<context>
    <name>PushRooms</name>
    <message>
        <source>Give the live room a name, e.g. 周五美妆专场.</source>
        <translation>给直播间起个名字，例如 周五美妆专场。</translation>
    </message>
    <message>
        <source>That looks like a push address, not a room name. Paste the address in the address box and give the room a short name.</source>
        <translation>这看起来是推流地址，不是直播间名称。请把地址粘贴到地址框里，再给直播间起个简短的名字。</translation>
    </message>
    <message>
        <source>The room name is too long ({length} characters). Use at most {limit}.</source>
        <translation>直播间名称太长（{length} 个字）。最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>The room name cannot contain line breaks or tabs.</source>
        <translation>直播间名称不能包含换行或制表符。</translation>
    </message>
    <message>
        <source>Could not write the list of rooms to the settings folder. Check that the disk is not full and try again.</source>
        <translation>无法把直播间列表写入设置文件夹。请确认磁盘没有满，然后重试。</translation>
    </message>
    <message>
        <source>The push address of “{name}” is no longer in the system keyring. Paste it again and save.</source>
        <translation>“{name}”的推流地址已不在系统钥匙串中。请重新粘贴并保存。</translation>
    </message>
    <message>
        <source>The saved push address of “{name}” is damaged. Paste it again and save.</source>
        <translation>“{name}”保存的推流地址已损坏。请重新粘贴并保存。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>No saved room named “{name}”. Saved rooms: {names}</source>
        <translation>没有名为“{name}”的已保存直播间。已保存的直播间：{names}</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>wx…</source>
        <translation>wx…</translation>
    </message>
    <message>
        <source>kept in the system keyring; empty keeps the saved one</source>
        <translation>保存在系统钥匙串里；留空则保留已保存的</translation>
    </message>
    <message>
        <source>optional: your own token service&apos;s address</source>
        <translation>可选：你自己的 Token 服务地址</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Rehearsal (彩排): use the local emulator, no real room</source>
        <translation>彩排：使用本地模拟器，不连真实直播间</translation>
    </message>
    <message>
        <source>Live-room settings</source>
        <translation>直播间设置</translation>
    </message>
    <message>
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>Token service</source>
        <translation>Token 服务</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <source>Refresh rooms</source>
        <translation>刷新直播间</translation>
    </message>
    <message>
        <source>Use for this show</source>
        <translation>用于本场直播</translation>
    </message>
    <message>
        <source>Fetch push address (推流地址)</source>
        <translation>获取推流地址</translation>
    </message>
    <message>
        <source>Goods id</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>售卖状态</translation>
    </message>
    <message>
        <source>Push on screen (上屏)</source>
        <translation>上屏</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Off sale</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Notify subscribers (推送本场直播)</source>
        <translation>推送本场直播</translation>
    </message>
    <message>
        <source>Load approved goods</source>
        <translation>加载已审核商品</translation>
    </message>
    <message>
        <source>Add to the show&apos;s room</source>
        <translation>加入本场直播间</translation>
    </message>
    <message>
        <source>Coupons, lotteries and announcements have no API in mini-program live: do them in the anchor app; the checklist ticks them off.</source>
        <translation>小程序直播的发券、抽奖和公告没有 API：请在主播端 App 里操作；清单会帮你逐项打勾。</translation>
    </message>
    <message>
        <source>Talking to WeChat…</source>
        <translation>正在连接微信…</translation>
    </message>
    <message>
        <source>Goods in the show&apos;s room</source>
        <translation>本场直播间的商品</translation>
    </message>
    <message>
        <source>Approved goods library</source>
        <translation>已审核商品库</translation>
    </message>
    <message>
        <source>Show&apos;s room: {name} ({id}) — {status}</source>
        <translation>本场直播间：{name}（{id}）— {status}</translation>
    </message>
    <message>
        <source>Show&apos;s room: {id} (refresh the rooms to see it)</source>
        <translation>本场直播间：{id}（刷新直播间列表即可看到）</translation>
    </message>
    <message>
        <source>No room picked for this show yet.</source>
        <translation>本场直播还没选直播间。</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>off sale</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Put it on sale, then push</source>
        <translation>先上架，再上屏</translation>
    </message>
    <message>
        <source>Add it to the room, then push</source>
        <translation>先加入直播间，再上屏</translation>
    </message>
    <message>
        <source>Done: the product is on screen.</source>
        <translation>完成：商品已上屏。</translation>
    </message>
    <message>
        <source>Live-room settings saved.</source>
        <translation>直播间设置已保存。</translation>
    </message>
    <message>
        <source>Rehearsal on: the console talks to the local emulator, not a real room.</source>
        <translation>彩排已开启：中控台连接的是本地模拟器，不是真实直播间。</translation>
    </message>
    <message>
        <source>Rehearsal off: the console talks to the real live room.</source>
        <translation>彩排已关闭：中控台连接的是真实直播间。</translation>
    </message>
    <message>
        <source>{count} rooms.</source>
        <translation>{count} 个直播间。</translation>
    </message>
    <message>
        <source>Select a room in the list first.</source>
        <translation>请先在列表里选一个直播间。</translation>
    </message>
    <message>
        <source>Room {id} is the show&apos;s room.</source>
        <translation>直播间 {id} 是本场直播间。</translation>
    </message>
    <message>
        <source>Push address fetched, but nothing takes it yet.</source>
        <translation>推流地址已获取，但还没有地方使用它。</translation>
    </message>
    <message>
        <source>Push address fetched and handed to the stream settings.</source>
        <translation>推流地址已获取，并已填入推流设置。</translation>
    </message>
    <message>
        <source>Select a product in the room&apos;s goods first.</source>
        <translation>请先在直播间商品里选一个商品。</translation>
    </message>
    <message>
        <source>Product {id} is on screen.</source>
        <translation>商品 {id} 已上屏。</translation>
    </message>
    <message>
        <source>Product {id} is on sale.</source>
        <translation>商品 {id} 已上架。</translation>
    </message>
    <message>
        <source>Product {id} is off sale.</source>
        <translation>商品 {id} 已下架。</translation>
    </message>
    <message>
        <source>{count} subscribers notified.</source>
        <translation>已通知 {count} 位订阅用户。</translation>
    </message>
    <message>
        <source>{count} approved goods.</source>
        <translation>{count} 个已审核商品。</translation>
    </message>
    <message>
        <source>Select a product in the approved goods first.</source>
        <translation>请先在已审核商品里选一个商品。</translation>
    </message>
    <message>
        <source>Product {id} added to the room.</source>
        <translation>商品 {id} 已加入直播间。</translation>
    </message>
</context>
<context>
    <name>RoomSettings</name>
    <message>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <source>token service address</source>
        <translation>token 服务地址</translation>
    </message>
    <message>
        <source>rehearsal emulator address</source>
        <translation>彩排模拟器地址</translation>
    </message>
    <message>
        <source>The {field} “{url}” is not a web address. It should look like https://api.weixin.qq.com/.</source>
        <translation>{field}“{url}”不是网址。应该类似 https://api.weixin.qq.com/。</translation>
    </message>
    <message>
        <source>The AppID “{app_id}” does not look like a mini program&apos;s AppID (it starts with wx). Copy it from 微信公众平台 → 开发管理.</source>
        <translation>AppID“{app_id}”看起来不像小程序的 AppID（应以 wx 开头）。请从 微信公众平台 → 开发管理 复制。</translation>
    </message>
    <message>
        <source>Enter the AppID before the AppSecret: the secret is saved for that AppID.</source>
        <translation>请先填 AppID 再填 AppSecret：密钥是按 AppID 保存的。</translation>
    </message>
    <message>
        <source>The live room is not set up: enter the mini program&apos;s AppID and AppSecret (or your token service&apos;s address) in the live-room settings, or turn on rehearsal.</source>
        <translation>直播间还没设置好：请在直播间设置里填写小程序的 AppID 和 AppSecret（或你的 token 服务地址），或者打开彩排。</translation>
    </message>
    <message>
        <source>No AppSecret is saved for {app_id}. Enter it in the live-room settings (it is kept in the system keyring).</source>
        <translation>{app_id} 没有保存 AppSecret。请在直播间设置里填写（它会保存在系统钥匙串里）。</translation>
    </message>
    <message>
        <source>Rehearsal mode needs the emulator: start it with “studio-console emulator” and pass its address with --base-url.</source>
        <translation>彩排模式需要模拟器：用“studio-console emulator”启动它，并通过 --base-url 传入它的地址。</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>in {seconds} s (at {time})</source>
        <translation>{seconds} 秒后（{time}）</translation>
    </message>
    <message>
        <source>An announcement must be {low}–{high} characters; this one has {n}. Edit the text.</source>
        <translation>公告必须是 {low}–{high} 个字，这条有 {n} 个字。请修改文字。</translation>
    </message>
    <message>
        <source>The show has reached the platform&apos;s 12-hour limit for one live session. End it and start a new live session.</source>
        <translation>本场直播已达到平台单场 12 小时的上限。请结束直播，再开一场新的直播。</translation>
    </message>
    <message>
        <source>Announcements went out too quickly, so the platform asks for a 60 s pause. You can send the next one {when}.</source>
        <translation>公告发得太快，平台要求暂停 60 秒。{when}可以发下一条。</translation>
    </message>
    <message>
        <source>The current announcement is still showing (each shows 20 s). You can send the next one {when}.</source>
        <translation>当前公告还在显示（每条显示 20 秒）。{when}可以发下一条。</translation>
    </message>
    <message>
        <source>This live room already has {cap} lotteries, the platform&apos;s limit. No more lotteries can be started in this show.</source>
        <translation>这个直播间已经有 {cap} 个抽奖，达到平台上限。本场直播不能再发起抽奖了。</translation>
    </message>
    <message>
        <source>The draw would be at {draw}, after the show&apos;s end at {end}, and the platform would fail it. Shorten the lottery to at most {minutes} min, or move the planned end.</source>
        <translation>开奖时间会在 {draw}，晚于直播结束时间 {end}，平台会开奖失败。请把抽奖缩短到最多 {minutes} 分钟，或调整计划结束时间。</translation>
    </message>
    <message>
        <source>The shelf already holds {cap} goods, the platform&apos;s limit. Take a product off the shelf first, then add this one.</source>
        <translation>货架上已经有 {cap} 个商品，达到平台上限。请先下架一个商品，再添加这个。</translation>
    </message>
    <message>
        <source>The subscriber push (推送本场直播) works only while the room is live. Send it after 开始直播.</source>
        <translation>推送本场直播只能在开播时使用。请在开始直播后再发送。</translation>
    </message>
    <message>
        <source>The subscriber push was already sent today; the platform allows one a day. It is possible again after midnight (Beijing time), {when}.</source>
        <translation>今天已经推送过本场直播了；平台每天只允许一次。北京时间零点后可以再发，{when}。</translation>
    </message>
</context>
<context>
    <name>Rundown</name>
    <message>
        <source>“{title}” is being explained ({elapsed} of {target} min). The playbook says not to interrupt an explanation. Push anyway?</source>
        <translation>“{title}”正在讲解（{elapsed} / {target} 分钟）。按规则讲解中不要打断。仍要上屏吗？</translation>
    </message>
    <message>
        <source>The show is already on air.</source>
        <translation>直播已经在进行中。</translation>
    </message>
    <message>
        <source>No product “{id}” in the plan.</source>
        <translation>方案里没有商品“{id}”。</translation>
    </message>
    <message>
        <source>Re-run: {name}</source>
        <translation>返场：{name}</translation>
    </message>
    <message>
        <source>The loop needs a lottery and two products from the plan.</source>
        <translation>循环需要方案里的一个抽奖和两个商品。</translation>
    </message>
    <message>
        <source>“{title}” is on air or done; only later steps can be moved.</source>
        <translation>“{title}”正在讲解或已完成；只能移动后面的步骤。</translation>
    </message>
    <message>
        <source>No lottery “{id}” in the plan.</source>
        <translation>方案里没有抽奖“{id}”。</translation>
    </message>
    <message>
        <source>No coupon “{id}” in the plan.</source>
        <translation>方案里没有优惠券“{id}”。</translation>
    </message>
    <message>
        <source>Draw “{prize}” in {seconds} s</source>
        <translation>{seconds} 秒后开奖“{prize}”</translation>
    </message>
    <message>
        <source>Draw “{prize}” now</source>
        <translation>立即开奖“{prize}”</translation>
    </message>
    <message>
        <source>“{name}” ends in {seconds} s</source>
        <translation>“{name}”{seconds} 秒后结束</translation>
    </message>
    <message>
        <source>Next: {title} in {seconds} s</source>
        <translation>下一步：{seconds} 秒后 {title}</translation>
    </message>
    <message>
        <source>“{title}” reaches its target in {seconds} s</source>
        <translation>“{title}”{seconds} 秒后达到目标时长</translation>
    </message>
    <message>
        <source>No step “{id}” in the running order.</source>
        <translation>节目单里没有步骤“{id}”。</translation>
    </message>
    <message>
        <source>The show is not on air. Start the show first.</source>
        <translation>直播还没开始。请先开播。</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start new</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Start the show (开播)</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Re-run (返场)</source>
        <translation>返场</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Running timers</source>
        <translation>进行中的计时</translation>
    </message>
    <message>
        <source>Running order</source>
        <translation>节目单</translation>
    </message>
    <message>
        <source>An unfinished show{title} was found. Resume the show from {time}?</source>
        <translation>发现一场未完成的直播{title}。要从 {time} 继续吗？</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>新建直播</translation>
    </message>
    <message>
        <source>No show is running.</source>
        <translation>当前没有正在进行的直播。</translation>
    </message>
    <message>
        <source>On air: {title}</source>
        <translation>正在上屏：{title}</translation>
    </message>
    <message>
        <source>{elapsed} of {target}</source>
        <translation>{elapsed} / {target}</translation>
    </message>
    <message>
        <source>Nothing on air.</source>
        <translation>当前没有上屏内容。</translation>
    </message>
    <message>
        <source>Not on air yet.</source>
        <translation>还未上屏。</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>下一步：{title}</translation>
    </message>
    <message>
        <source>Next: end of the running order</source>
        <translation>下一步：节目单结束</translation>
    </message>
    <message>
        <source>Show time {elapsed}</source>
        <translation>直播时长 {elapsed}</translation>
    </message>
    <message>
        <source>{cue} — {left}</source>
        <translation>{cue} — {left}</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <source> (返场)</source>
        <translation>（返场）</translation>
    </message>
    <message>
        <source>Select a step in the running order first.</source>
        <translation>请先在节目单中选择一个步骤。</translation>
    </message>
    <message>
        <source>Select a product in the running order to re-run it.</source>
        <translation>请在节目单中选择一个商品来返场。</translation>
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Studio mode (preview first)</source>
        <translation>工作室模式（先预览）</translation>
    </message>
    <message>
        <source>Transition used when switching</source>
        <translation>切换场景时使用的转场</translation>
    </message>
    <message>
        <source>Transition ▶ program</source>
        <translation>转场 ▶ 上节目</translation>
    </message>
    <message>
        <source>Send the preview scene to program</source>
        <translation>把预览场景切到节目画面</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>播出中</translation>
    </message>
    <message>
        <source>PREVIEW</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Scenes (waiting for OBS)</source>
        <translation>场景（等待 OBS）</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No usable system keyring ({backend}). Secrets are never saved in plain files: on Linux start your desktop&apos;s keyring (e.g. GNOME Keyring) and unlock it; on Windows and macOS the system one is used.</source>
        <translation>没有可用的系统钥匙串（{backend}）。密钥绝不会存进普通文件：Linux 上请启动并解锁桌面钥匙串（如 GNOME Keyring）；Windows 和 macOS 会使用系统自带的。</translation>
    </message>
    <message>
        <source>The system keyring refused ({backend}): it may be locked. Unlock it and try again.</source>
        <translation>系统钥匙串拒绝了操作（{backend}），可能已锁定。请解锁后重试。</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <source>Live room setup (竖屏直播间)</source>
        <translation>直播间设置（竖屏直播间）</translation>
    </message>
    <message>
        <source>{label} ({kbps} kbps)</source>
        <translation>{label}（{kbps} kbps）</translation>
    </message>
    <message>
        <source>Portrait (竖屏)</source>
        <translation>竖屏</translation>
    </message>
    <message>
        <source>Landscape (横屏)</source>
        <translation>横屏</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Refresh lists</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Apply to OBS</source>
        <translation>应用到 OBS</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>画面方向</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>PPT / WPS window</source>
        <translation>PPT / WPS 窗口</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>OBS: not read yet (connect to OBS).</source>
        <translation>OBS：尚未读取（请先连接 OBS）。</translation>
    </message>
    <message>
        <source>{kbps} kbps</source>
        <translation>{kbps} kbps</translation>
    </message>
    <message>
        <source>bitrate set in OBS (Advanced mode)</source>
        <translation>OBS 里设置的码率（高级模式）</translation>
    </message>
    <message>
        <source>OBS now: output {w}×{h}, {kbps}</source>
        <translation>OBS 当前：输出 {w}×{h}，{kbps}</translation>
    </message>
    <message>
        <source>Drop to 720P now (when the stream stutters)</source>
        <translation>立即降到 720P（画面卡顿时用）</translation>
    </message>
    <message>
        <source>Switch to 1080P</source>
        <translation>切换到 1080P</translation>
    </message>
    <message>
        <source>(keep what OBS has / first camera)</source>
        <translation>（保持 OBS 现有设置 / 第一个摄像头）</translation>
    </message>
    <message>
        <source>(keep what OBS has / open slide show)</source>
        <translation>（保持 OBS 现有设置 / 打开的幻灯片放映）</translation>
    </message>
    <message>
        <source>Choose a background picture</source>
        <translation>选择背景图片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
    <message>
        <source>No picture to show</source>
        <translation>没有可显示的图片</translation>
    </message>
    <message>
        <source>Applying to OBS…</source>
        <translation>正在应用到 OBS…</translation>
    </message>
    <message>
        <source>Switching to {label}…</source>
        <translation>正在切换到 {label}…</translation>
    </message>
</context>
<context>
    <name>ShowActions</name>
    <message>
        <source>No coupon “{id}” in the plan.</source>
        <translation>方案里没有优惠券“{id}”。</translation>
    </message>
    <message>
        <source>No announcement “{id}” in the plan.</source>
        <translation>方案里没有公告“{id}”。</translation>
    </message>
    <message>
        <source>Nothing the console put on screen is showing.</source>
        <translation>中控台放到画面上的内容现在都没有显示。</translation>
    </message>
    <message>
        <source>No product is on air or next in the running order. Pick a product first.</source>
        <translation>现在没有正在讲解的商品，节目单里也没有下一个商品。请先选一个商品。</translation>
    </message>
    <message>
        <source>No product “{id}” in the plan.</source>
        <translation>方案里没有商品“{id}”。</translation>
    </message>
    <message>
        <source>No lottery is running. Start one first.</source>
        <translation>当前没有进行中的抽奖。请先开始一个抽奖。</translation>
    </message>
    <message>
        <source>No lottery “{id}” in the plan.</source>
        <translation>方案里没有抽奖“{id}”。</translation>
    </message>
    <message>
        <source>Live room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>The live room did not answer within {seconds} s. Check the network, then try again.</source>
        <translation>直播间在 {seconds} 秒内没有响应。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The live room could not be reached (an unexpected error, written to the console&apos;s log). Try again, or do it in the platform&apos;s own tool.</source>
        <translation>连不上直播间（发生意外错误，已写入中控台日志）。请重试，或在平台自己的工具里操作。</translation>
    </message>
    <message>
        <source>OBS overlay</source>
        <translation>OBS 叠加层</translation>
    </message>
    <message>
        <source>OBS did not answer within {seconds} s. Check that OBS is running and connected.</source>
        <translation>OBS 在 {seconds} 秒内没有响应。请检查 OBS 是否在运行并已连接。</translation>
    </message>
    <message>
        <source>The overlay could not be changed (an unexpected error, written to the console&apos;s log). Check OBS, then try again.</source>
        <translation>无法更改叠加层（发生意外错误，已写入中控台日志）。请检查 OBS 后重试。</translation>
    </message>
    <message>
        <source>Unknown overlay “{kind}”.</source>
        <translation>不认识的叠加层“{kind}”。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do by hand</source>
        <translation>需手动操作</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>ShowLog</name>
    <message>
        <source>No show log at {path}.</source>
        <translation>{path} 处没有直播记录。</translation>
    </message>
</context>
<context>
    <name>ShowSession</name>
    <message>
        <source>There is no unfinished show to resume.</source>
        <translation>没有可以继续的未完成直播。</translation>
    </message>
</context>
<context>
    <name>StreamControl</name>
    <message>
        <source>OBS is already streaming.</source>
        <translation>OBS 已经在推流了。</translation>
    </message>
</context>
<context>
    <name>StreamHealth</name>
    <message>
        <source>Stream started</source>
        <translation>推流已开始</translation>
    </message>
    <message>
        <source>Stream stopped</source>
        <translation>推流已停止</translation>
    </message>
    <message>
        <source>OBS reconnecting to the platform</source>
        <translation>OBS 正在重连平台</translation>
    </message>
    <message>
        <source>OBS not answering</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <source>Stream back</source>
        <translation>推流已恢复</translation>
    </message>
</context>
<context>
    <name>StreamPanel</name>
    <message>
        <source>Stream: unknown (OBS not connected)</source>
        <translation>推流状态：未知（未连接 OBS）</translation>
    </message>
    <message>
        <source>Not streaming</source>
        <translation>未推流</translation>
    </message>
    <message>
        <source>Starting the stream…</source>
        <translation>正在开始推流…</translation>
    </message>
    <message>
        <source>● LIVE — pushing to the platform</source>
        <translation>● 直播中 — 正在推流到平台</translation>
    </message>
    <message>
        <source>OBS lost the ingest and is reconnecting…</source>
        <translation>OBS 与推流服务器断开，正在重连…</translation>
    </message>
    <message>
        <source>Stopping the stream…</source>
        <translation>正在停止推流…</translation>
    </message>
    <message>
        <source>Click again to STOP the stream</source>
        <translation>再点一次以停止推流</translation>
    </message>
    <message>
        <source>Stop streaming</source>
        <translation>停止推流</translation>
    </message>
    <message>
        <source>Start streaming</source>
        <translation>开始推流</translation>
    </message>
</context>
<context>
    <name>StudioSetup</name>
    <message>
        <source>Camera full screen, PPT inset on top</source>
        <translation>摄像头全屏，PPT 小窗叠在上面</translation>
    </message>
    <message>
        <source>PPT above, camera below (side by side in landscape)</source>
        <translation>PPT 在上，摄像头在下（横屏时左右并排）</translation>
    </message>
    <message>
        <source>Camera only, background around it</source>
        <translation>只放摄像头，四周是背景图</translation>
    </message>
    <message>
        <source>Done: {w}×{h}, scene “{scene}”.</source>
        <translation>完成：{w}×{h}，场景“{scene}”。</translation>
    </message>
    <message>
        <source>Video {kbps} kbps, audio {audio} kbps, x264.</source>
        <translation>视频 {kbps} kbps，音频 {audio} kbps，x264。</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>推流</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>the virtual camera</source>
        <translation>虚拟摄像头</translation>
    </message>
    <message>
        <source>the replay buffer</source>
        <translation>回放缓存</translation>
    </message>
    <message>
        <source>OBS is busy with {outputs}, and OBS does not allow changing the picture size while anything is being output. Nothing was changed. Stop it in OBS first, then apply again.</source>
        <translation>OBS 正在进行{outputs}，有输出时 OBS 不允许修改画面尺寸。没有做任何改动。请先在 OBS 里停止，再重新应用。</translation>
    </message>
    <message>
        <source>This OBS captures windows through the desktop&apos;s own picker: choose the PPT window in OBS (double-click “{source}”).</source>
        <translation>这个 OBS 通过桌面系统自带的选择器捕获窗口：请在 OBS 里选择 PPT 窗口（双击“{source}”）。</translation>
    </message>
    <message>
        <source>There is no layout named “{name}”. Layouts: {names}.</source>
        <translation>没有叫“{name}”的布局。可用布局：{names}。</translation>
    </message>
    <message>
        <source>This OBS has no image source, so the background cannot be shown. Reinstall OBS.</source>
        <translation>这个 OBS 没有图片来源，无法显示背景。请重新安装 OBS。</translation>
    </message>
    <message>
        <source>Choose the PPT window in OBS: double-click “{source}”.</source>
        <translation>请在 OBS 里选择 PPT 窗口：双击“{source}”。</translation>
    </message>
    <message>
        <source>No slide show is open: start the PPT slide show, then choose its window in the setup panel (or OBS) and apply again.</source>
        <translation>没有打开的幻灯片放映：请先开始 PPT 放映，再在设置面板（或 OBS）里选择它的窗口，然后重新应用。</translation>
    </message>
    <message>
        <source>The canvas grew to {w}×{h}. Your own scenes keep their positions: check them in OBS before going live.</source>
        <translation>画布已扩大到 {w}×{h}。你自己的场景位置不变：开播前请在 OBS 里检查一下。</translation>
    </message>
    <message>
        <source>Audio is set to 44.1 kHz stereo; OBS uses it after you restart OBS.</source>
        <translation>音频已设为 44.1 kHz 立体声；重启 OBS 后生效。</translation>
    </message>
    <message>
        <source>OBS is in Advanced output mode, where only OBS itself can set the video bitrate. In OBS: Settings → Output → Streaming, set Bitrate to {kbps} Kbps, Rate Control CBR{encoder}. Or switch Output Mode to Simple and apply again.</source>
        <translation>OBS 当前是高级输出模式，只有 OBS 自己能设置视频码率。请在 OBS 里：设置 → 输出 → 串流，把码率设为 {kbps} Kbps，码率控制选 CBR{encoder}。或者把输出模式改为简单，再重新应用。</translation>
    </message>
    <message>
        <source>, Encoder x264</source>
        <translation>，编码器 x264</translation>
    </message>
    <message>
        <source>The background picture “{path}” does not exist. Choose another picture.</source>
        <translation>背景图片“{path}”不存在。请换一张图片。</translation>
    </message>
    <message>
        <source>OBS cannot show “{name}” as a background. Use a PNG or JPG picture.</source>
        <translation>OBS 无法把“{name}”用作背景。请使用 PNG 或 JPG 图片。</translation>
    </message>
    <message>
        <source>This OBS offers no window capture, so the PPT cannot be shown by capturing its window. Show it with a display capture in OBS, or use OBS on Windows or macOS.</source>
        <translation>这个 OBS 没有窗口捕获，无法通过捕获窗口来显示 PPT。请在 OBS 里用显示器捕获来显示，或者使用 Windows 或 macOS 上的 OBS。</translation>
    </message>
    <message>
        <source>This OBS offers no video capture device source, so no camera was added. Add your camera in OBS by hand.</source>
        <translation>这个 OBS 没有视频采集设备来源，所以没有添加摄像头。请在 OBS 里手动添加摄像头。</translation>
    </message>
</context>
<context>
    <name>WeChatLive</name>
    <message>
        <source>A goods push is still running in the room. Wait a few seconds, then push again.</source>
        <translation>直播间里还有一次商品上屏没结束。请等几秒再推。</translation>
    </message>
    <message>
        <source>This product is off sale (已下架) in the room. Put it on sale, then push it.</source>
        <translation>这个商品在直播间里已下架。请先上架，再上屏。</translation>
    </message>
    <message>
        <source>This product is not in the room yet. Add it to the room, then push it.</source>
        <translation>这个商品还不在直播间里。请先把它加入直播间，再上屏。</translation>
    </message>
    <message>
        <source>The room is not live. Press 开始直播 in the live console first, then try again.</source>
        <translation>直播间还没开播。请先在直播控制台点开始直播，然后重试。</translation>
    </message>
    <message>
        <source>There is no such live room. Refresh the room list and pick the show&apos;s room again.</source>
        <translation>没有这个直播间。请刷新直播间列表，重新选择本场直播的直播间。</translation>
    </message>
    <message>
        <source>Today&apos;s limit for this kind of call is used up. Do it in the live console (直播控制台) today; the limit resets tomorrow.</source>
        <translation>今天这类操作的次数已用完。今天请在直播控制台里操作；明天会重置。</translation>
    </message>
    <message>
        <source>WeChat refused this computer&apos;s IP address: it is not on the mini program&apos;s IP whitelist. Add it in 微信公众平台 → 开发管理 → IP白名单, or enter your own token service&apos;s address in the live-room settings.</source>
        <translation>微信拒绝了这台电脑的 IP 地址：它不在小程序的 IP 白名单里。请在 微信公众平台 → 开发管理 → IP白名单 里添加，或在直播间设置里填写你自己的 token 服务地址。</translation>
    </message>
    <message>
        <source>WeChat does not know this AppID. Check the AppID in the live-room settings.</source>
        <translation>微信不认识这个 AppID。请检查直播间设置里的 AppID。</translation>
    </message>
    <message>
        <source>The AppSecret is wrong. Copy it again from 微信公众平台 → 开发管理 and save it in the live-room settings.</source>
        <translation>AppSecret 不正确。请从 微信公众平台 → 开发管理 重新复制，并保存到直播间设置里。</translation>
    </message>
    <message>
        <source>Subscribers were already notified today (推送本场直播 works once a day per mini program). Nothing was sent.</source>
        <translation>今天已经通知过订阅用户了（推送本场直播每个小程序每天只能用一次）。本次没有发送。</translation>
    </message>
    <message>
        <source>Subscribers can only be notified while the room is live. Press 开始直播 first, then notify them.</source>
        <translation>只有直播间开播时才能通知订阅用户。请先点开始直播，再发通知。</translation>
    </message>
    <message>
        <source>This product has not passed review yet, so it cannot go into a room. Pick an approved product.</source>
        <translation>这个商品还没通过审核，不能加入直播间。请选择已审核通过的商品。</translation>
    </message>
    <message>
        <source>WeChat refused the access token even after a fresh one was fetched. Check the AppID and AppSecret (or your token service) in the live-room settings.</source>
        <translation>重新获取 access token 后微信仍然拒绝。请检查直播间设置里的 AppID 和 AppSecret（或你的 token 服务）。</translation>
    </message>
    <message>
        <source>WeChat&apos;s server is busy (tried {tries} times). Try again in a minute.</source>
        <translation>微信服务器繁忙（已尝试 {tries} 次）。请过一分钟再试。</translation>
    </message>
    <message>
        <source>WeChat refused “{api}”: {errmsg} (errcode {code}).</source>
        <translation>微信拒绝了“{api}”：{errmsg}（errcode {code}）。</translation>
    </message>
    <message>
        <source>live (直播中)</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>not started (未开始)</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>ended (已结束)</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>banned (禁播)</source>
        <translation>禁播</translation>
    </message>
    <message>
        <source>paused (暂停)</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>abnormal (异常)</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>expired (已过期)</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>unknown status ({code})</source>
        <translation>未知状态（{code}）</translation>
    </message>
    <message>
        <source>¥{now} (was ¥{was})</source>
        <translation>¥{now}（原价 ¥{was}）</translation>
    </message>
    <message>
        <source>The token service answered without an access token. Check its address in the live-room settings.</source>
        <translation>token 服务的响应里没有 access token。请在直播间设置里检查它的地址。</translation>
    </message>
    <message>
        <source>The live-room server answered HTTP {status} to “{api}”. If you use a relay or token service, check that it is running.</source>
        <translation>直播间服务器对“{api}”返回了 HTTP {status}。如果你用了中转或 token 服务，请检查它是否在运行。</translation>
    </message>
    <message>
        <source>Could not reach the live-room server for “{api}” ({kind}). Check the network (and the API address in the live-room settings), then try again.</source>
        <translation>调用“{api}”时连不上直播间服务器（{kind}）。请检查网络（以及直播间设置里的 API 地址），然后重试。</translation>
    </message>
    <message>
        <source>The live-room server gave an answer that is not WeChat&apos;s for “{api}”. Check the API address.</source>
        <translation>直播间服务器对“{api}”返回的不是微信的响应。请检查 API 地址。</translation>
    </message>
    <message>
        <source>Mini-program live room {room}</source>
        <translation>小程序直播间 {room}</translation>
    </message>
    <message>
        <source>The mini-program live API cannot do this: do it in the anchor app or the live console (直播控制台), then tick it off.</source>
        <translation>小程序直播接口做不了这件事：请在主播端 App 或直播控制台里操作，然后勾选完成。</translation>
    </message>
    <message>
        <source>{count} subscribers notified.</source>
        <translation>已通知 {count} 位订阅用户。</translation>
    </message>
    <message>
        <source>“{title}” is on screen in the room.</source>
        <translation>“{title}”已上屏到直播间。</translation>
    </message>
    <message>
        <source>“{title}” is on sale.</source>
        <translation>“{title}”已上架。</translation>
    </message>
    <message>
        <source>“{title}” is off sale.</source>
        <translation>“{title}”已下架。</translation>
    </message>
    <message>
        <source>“{id}” is not a mini-program goods id (a number). Check the product&apos;s goods id in the show plan.</source>
        <translation>“{id}”不是小程序商品 id（应为数字）。请检查直播方案里这个商品的商品 id。</translation>
    </message>
    <message>
        <source>Pick the show&apos;s live room first.</source>
        <translation>请先选择本场直播的直播间。</translation>
    </message>
</context>
</TS>
