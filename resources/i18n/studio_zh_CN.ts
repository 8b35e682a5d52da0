<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionPadPanel</name>
    <message>
        <source>It happened</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>It did not</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>To do by hand in the platform&apos;s tool — tick when done:</source>
        <translation>需在平台工具里手动完成——完成后打勾：</translation>
    </message>
    <message>
        <source>Drives: {target}</source>
        <translation>控制：{target}</translation>
    </message>
    <message>
        <source>{key}  {label}
Press again to send</source>
        <translation>{key}  {label}
再按一次发送</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>optional arguments</source>
        <translation>可选参数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要给出一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多给出一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少给出一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要给出 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要给出 %s 个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 中必须给出一个</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>已忽略多给的参数 %r</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
</context>
<context>
    <name>ChannelsAccounts</name>
    <message>
        <source>There is no Channels account “{name}”. Add it under Setup → Live room → Channels.</source>
        <translation>没有名为“{name}”的视频号账号。请在 设置 → 直播间 → 视频号 中添加。</translation>
    </message>
    <message>
        <source>Give the Channels account a name of 1 to 40 characters (e.g. the shop&apos;s name).</source>
        <translation>请给视频号账号起一个 1 到 40 个字的名字（例如店铺名）。</translation>
    </message>
</context>
<context>
    <name>ChannelsApi</name>
    <message>
        <source>The store says the coupon is not in a state that allows this (it may have ended already).</source>
        <translation>小店说这张券当前状态不允许此操作（可能已经结束）。</translation>
    </message>
    <message>
        <source>The store does not know this coupon any more.</source>
        <translation>小店里已找不到这张券。</translation>
    </message>
    <message>
        <source>The store has not opened this API to the console: turn it on in 视频号助手 → 开放能力 → 开放场景.</source>
        <translation>小店没有向中控台开放这个接口：请在 视频号助手 → 开放能力 → 开放场景 中开启。</translation>
    </message>
    <message>
        <source>The store created no coupon (its answer had no id). Check the coupons list in the store&apos;s back office.</source>
        <translation>小店没有创建优惠券（回复里没有券号）。请在小店后台查看优惠券列表。</translation>
    </message>
</context>
<context>
    <name>ChannelsCli</name>
    <message>
        <source>No Channels account yet. Add one in the window: Setup → Channels.</source>
        <translation>还没有视频号账号。请在窗口中添加：设置 → 视频号。</translation>
    </message>
    <message>
        <source>used for the show</source>
        <translation>用于本场直播</translation>
    </message>
    <message>
        <source>store API</source>
        <translation>小店接口</translation>
    </message>
    <message>
        <source>never logged in</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>The Channels console is open and live.</source>
        <translation>视频号中控台已打开，正在直播。</translation>
    </message>
    <message>
        <source>Page map: built in (an override goes to {path}).</source>
        <translation>页面定位：内置（覆盖文件放在 {path}）。</translation>
    </message>
    <message>
        <source>Page map: {path}</source>
        <translation>页面定位：{path}</translation>
    </message>
    <message>
        <source>The next show drives Channels {account}.</source>
        <translation>下一场直播将使用视频号 {account}。</translation>
    </message>
    <message>
        <source>--date takes the day as YYYYMMDD, e.g. 20241201.</source>
        <translation>--date 的格式是 YYYYMMDD，例如 20241201。</translation>
    </message>
    <message>
        <source>The account “{account}” has no 微信小店 AppID and AppSecret: add them in Setup → Channels.</source>
        <translation>账号“{account}”没有微信小店 AppID 和 AppSecret：请在 设置 → 视频号 中添加。</translation>
    </message>
    <message>
        <source>The live dashboard lists no live on that day.</source>
        <translation>直播大屏数据里那天没有直播。</translation>
    </message>
    <message>
        <source>Saved the live dashboard of {export_id} to {path}.</source>
        <translation>已把 {export_id} 的直播大屏数据保存到 {path}。</translation>
    </message>
    <message>
        <source>Name the Channels account ({names}).</source>
        <translation>请指定视频号账号（{names}）。</translation>
    </message>
    <message>
        <source>none yet: add one in Setup → Channels</source>
        <translation>还没有账号：请在 设置 → 视频号 中添加</translation>
    </message>
    <message>
        <source>No show log with a start at {path}. `studio-console review --list` shows the shows on this computer.</source>
        <translation>{path} 没有带开场记录的直播记录。`studio-console review --list` 可列出本机的所有直播。</translation>
    </message>
    <message>
        <source>{start} (China time), {minutes} min, live {id}: viewers {viewers} · peak online {peak} · average watch {watch} s · new followers {follows} · comments {comments} · shares {shares} · cheers {cheers}</source>
        <translation>{start}（北京时间），{minutes} 分钟，直播 {id}：观看人数 {viewers} · 最高在线 {peak} · 人均观看 {watch} 秒 · 新增粉丝 {follows} · 评论 {comments} · 分享 {shares} · 喝彩 {cheers}</translation>
    </message>
    <message>
        <source>WeChat had more lives than the console reads at once: some may be missing; narrow the range with --showlog or --days.</source>
        <translation>微信返回的直播超过中控台一次读取的上限，可能缺了一些；请用 --showlog 或 --days 缩小范围。</translation>
    </message>
    <message>
        <source>Channels lists no live that overlaps this show.</source>
        <translation>视频号没有与这场直播时间重叠的直播记录。</translation>
    </message>
    <message>
        <source>Channels lists no live that closed in that time.</source>
        <translation>视频号在这段时间内没有结束的直播记录。</translation>
    </message>
    <message>
        <source>Saved {count} Channels live(s) to {path}: review with `studio-console review SHOWLOG --platform-data {path}`.</source>
        <translation>已把 {count} 场视频号直播的数据保存到 {path}：复盘请用 `studio-console review SHOWLOG --platform-data {path}`。</translation>
    </message>
</context>
<context>
    <name>ChannelsConsole</name>
    <message>
        <source>The Channels console changed ({what} not found) — do it by hand in the console. Updated selectors can be put in channels-selectors.json.</source>
        <translation>视频号中控台页面变了（找不到 {what}）——请在中控台手动操作。更新的选择器可放入 channels-selectors.json。</translation>
    </message>
    <message>
        <source>No live is running on Channels: start the live in the Channels anchor app (视频号直播) first, then connect again.</source>
        <translation>视频号当前没有在直播：请先在视频号主播端开播，再重新连接。</translation>
    </message>
    <message>
        <source>Not logged in to the Channels console: press “Log in” and scan the QR code with WeChat.</source>
        <translation>尚未登录视频号助手：请点“登录”，用微信扫码。</translation>
    </message>
    <message>
        <source>Goods {id} is not in this live&apos;s goods list on Channels: add it to the live in the console first.</source>
        <translation>商品 {id} 不在本场视频号直播的商品列表里：请先在中控台把它添加到直播间。</translation>
    </message>
    <message>
        <source>No Chrome, Edge or Chromium was found on this computer. Install one (or set its path under Channels settings), then try again.</source>
        <translation>这台电脑上找不到 Chrome、Edge 或 Chromium 浏览器。请安装一个（或在视频号设置里填写它的路径），然后重试。</translation>
    </message>
</context>
<context>
    <name>ChannelsPanel</name>
    <message>
        <source>视频号 has no push API: 讲解 and comments are done in its web console (视频号助手), in a browser the console drives. Log in once per account; the login stays in that account&apos;s own browser profile (never a password).</source>
        <translation>视频号没有推送接口：讲解和评论在视频号助手网页中控台里完成，由中控台驱动浏览器操作。每个账号登录一次；登录状态保存在该账号自己的浏览器配置里（不保存密码）。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Add or update an account</source>
        <translation>添加或更新账号</translation>
    </message>
    <message>
        <source>e.g. the shop&apos;s name</source>
        <translation>例如店铺名</translation>
    </message>
    <message>
        <source>optional: for store coupons and live numbers</source>
        <translation>选填：用于小店优惠券和直播数据</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>保存账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>微信小店 AppID</source>
        <translation>微信小店 AppID</translation>
    </message>
    <message>
        <source>微信小店 AppSecret</source>
        <translation>微信小店 AppSecret</translation>
    </message>
    <message>
        <source>One per line: minutes, then the text; “上墙” first to pin it.
10 关注主播，整点抽奖
15 上墙 新人下单立减10元</source>
        <translation>每行一条：先写分钟数，再写内容；开头加“上墙”会置顶。
10 关注主播，整点抽奖
15 上墙 新人下单立减10元</translation>
    </message>
    <message>
        <source>Timed messages (定时发言)</source>
        <translation>定时发言</translation>
    </message>
    <message>
        <source>Log in (opens a browser window)</source>
        <translation>登录（会打开浏览器窗口）</translation>
    </message>
    <message>
        <source>Check the console</source>
        <translation>检查中控台</translation>
    </message>
    <message>
        <source>Use for this show</source>
        <translation>用于本场直播</translation>
    </message>
    <message>
        <source>Save after-show data…</source>
        <translation>保存直播结束后的数据…</translation>
    </message>
    <message>
        <source>After the show: the lives of the last two days with viewers, peak online, watch time, follows and comments (store API), saved as a file the review imports as platform data.</source>
        <translation>直播结束后：最近两天的直播，含观看人数、最高在线、观看时长、新增粉丝和评论（微信小店接口），保存为复盘可导入的平台数据文件。</translation>
    </message>
    <message>
        <source>Page map: built in</source>
        <translation>页面定位：内置</translation>
    </message>
    <message>
        <source>Page map: {path}</source>
        <translation>页面定位：{path}</translation>
    </message>
    <message>
        <source>No account yet: add one below.</source>
        <translation>还没有账号：请在下方添加。</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>Console open and live: 讲解 and comments go from the pad.</source>
        <translation>中控台已打开且正在直播：讲解和评论可从操作面板发出。</translation>
    </message>
    <message>
        <source>Logged in, but no live is running: start it in the anchor app.</source>
        <translation>已登录，但没有在直播：请在主播端开播。</translation>
    </message>
    <message>
        <source>Not logged in: press “Log in” and scan the QR code.</source>
        <translation>未登录：请点“登录”并扫码。</translation>
    </message>
    <message>
        <source>The Channels console changed: pushes become steps to do by hand.</source>
        <translation>视频号中控台页面变了：推送改为手动步骤。</translation>
    </message>
    <message>
        <source>Used for this show. </source>
        <translation>本场直播使用此账号。</translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation>账号已保存。</translation>
    </message>
    <message>
        <source>A browser window opened: scan the QR code with WeChat there…</source>
        <translation>已打开浏览器窗口：请在窗口里用微信扫码……</translation>
    </message>
    <message>
        <source>Opening the Channels console…</source>
        <translation>正在打开视频号中控台……</translation>
    </message>
    <message>
        <source>The next show drives Channels {account}.</source>
        <translation>下一场直播将使用视频号 {account}。</translation>
    </message>
    <message>
        <source>Save the after-show data</source>
        <translation>保存直播结束后的数据</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Asking Channels for the after-show data…</source>
        <translation>正在向视频号获取直播结束后的数据…</translation>
    </message>
    <message>
        <source>Saved {count} live(s) to {path}: open it in the review as platform data.</source>
        <translation>已把 {count} 场直播保存到 {path}：在复盘中作为平台数据打开即可。</translation>
    </message>
    <message>
        <source>The account “{account}” has no 微信小店 AppID and AppSecret: add them below and save the account.</source>
        <translation>账号“{account}”没有微信小店 AppID 和 AppSecret：请在下方填写并保存账号。</translation>
    </message>
    <message>
        <source>Channels lists no live that closed in the last two days: nothing was saved.</source>
        <translation>视频号最近两天没有结束的直播：没有保存任何内容。</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Choose another folder.</source>
        <translation>无法保存 {path}：{reason}。请换一个文件夹。</translation>
    </message>
    <message>
        <source>Timed messages: line {lines} is not “minutes text” (e.g. “10 关注主播”). Nothing was saved.</source>
        <translation>定时发言：第 {lines} 行不是“分钟数 内容”的格式（例如“10 关注主播”）。没有保存。</translation>
    </message>
</context>
<context>
    <name>ChannelsRoom</name>
    <message>
        <source>Posted and pinned (上墙) in the Channels comments: “{text}”.</source>
        <translation>已在视频号评论区发出并上墙：“{text}”。</translation>
    </message>
    <message>
        <source>Posted in the Channels comments: “{text}”.</source>
        <translation>已在视频号评论区发出：“{text}”。</translation>
    </message>
    <message>
        <source>Explaining “{title}” on Channels (讲解 on).</source>
        <translation>视频号正在讲解“{title}”。</translation>
    </message>
    <message>
        <source>“{title}” was already being explained on Channels.</source>
        <translation>“{title}”在视频号上已经在讲解中。</translation>
    </message>
    <message>
        <source>Explanation of “{title}” ended on Channels.</source>
        <translation>已在视频号结束讲解“{title}”。</translation>
    </message>
    <message>
        <source>“{title}” was not being explained on Channels.</source>
        <translation>“{title}”在视频号上并未在讲解。</translation>
    </message>
    <message>
        <source>Channels {account}</source>
        <translation>视频号 {account}</translation>
    </message>
    <message>
        <source>Channels {account} · web console</source>
        <translation>视频号 {account} · 网页中控台</translation>
    </message>
    <message>
        <source>Not logged in: press “Log in”.</source>
        <translation>未登录：请点“登录”。</translation>
    </message>
    <message>
        <source>No live running: start it in the anchor app first.</source>
        <translation>没有在直播：请先在主播端开播。</translation>
    </message>
    <message>
        <source>The Channels console changed: pushes become steps to do by hand.</source>
        <translation>视频号中控台页面变了：推送改为手动步骤。</translation>
    </message>
    <message>
        <source>“{detail}” is not a coupon the store API can make (it takes 满199减30, 8折, 满2件8折 or 立减10元).</source>
        <translation>“{detail}”不是小店接口能创建的券（可用：满199减30、8折、满2件8折、立减10元）。</translation>
    </message>
    <message>
        <source>Coupon “{name}” is live in the store for {minutes} min (store id {id}).</source>
        <translation>优惠券“{name}”已在小店生效 {minutes} 分钟（小店券号 {id}）。</translation>
    </message>
    <message>
        <source>The Channels console did not answer within {seconds} s — do it by hand in the console.</source>
        <translation>视频号中控台 {seconds} 秒内没有响应——请在中控台手动操作。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>直播中控台 · Studio Console. Without a command, opens the console window.</source>
        <translation>直播中控台 · Studio Console。不带命令时打开中控台窗口。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>show tracebacks and debug logs</source>
        <translation>显示错误追踪和调试日志</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Internal error ({kind}). Run again with --debug for details.</source>
        <translation>内部错误（{kind}）。加上 --debug 再运行一次可看详情。</translation>
    </message>
    <message>
        <source>control OBS: list and switch scenes</source>
        <translation>控制 OBS：列出和切换场景</translation>
    </message>
    <message>
        <source>list the scenes; the program scene is marked *</source>
        <translation>列出场景；正在播出的场景标 *</translation>
    </message>
    <message>
        <source>switch the program scene</source>
        <translation>切换正在播出的场景</translation>
    </message>
    <message>
        <source>scene name, exactly as in OBS</source>
        <translation>场景名称，与 OBS 中完全一致</translation>
    </message>
    <message>
        <source>No scene named “{name}”. Scenes: {names}</source>
        <translation>没有名为“{name}”的场景。现有场景：{names}</translation>
    </message>
    <message>
        <source>the show plan: check it before the show</source>
        <translation>节目单：开播前检查</translation>
    </message>
    <message>
        <source>validate a show plan; prints every problem with its line</source>
        <translation>检查节目单；打印每个问题及其所在行</translation>
    </message>
    <message>
        <source>the plan file (.toml)</source>
        <translation>节目单文件（.toml）</translation>
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
        <source>run a local stand-in for the mini-program live API (rehearsal, tests)</source>
        <translation>在本机运行一个模拟的小程序直播接口（彩排、测试用）</translation>
    </message>
    <message>
        <source>port on 127.0.0.1 (default %(default)s; 0 = any free port)</source>
        <translation>127.0.0.1 上的端口（默认 %(default)s；0 = 任选一个空闲端口）</translation>
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
        <source>push addresses (推流地址): parse, keep in the keyring, apply to OBS</source>
        <translation>推流地址：解析、保存在系统密钥环、应用到 OBS</translation>
    </message>
    <message>
        <source>split the push address on stdin into server and (masked) key</source>
        <translation>把标准输入的推流地址拆成服务器和（打码的）串流密钥</translation>
    </message>
    <message>
        <source>save the push address on stdin for a live room (keyring only)</source>
        <translation>为一个直播间保存标准输入的推流地址（只存系统密钥环）</translation>
    </message>
    <message>
        <source>the live room&apos;s name, e.g. 周五美妆专场</source>
        <translation>直播间名称，例如 周五美妆专场</translation>
    </message>
    <message>
        <source>saved rooms, keys masked, with expiry</source>
        <translation>已保存的直播间，串流密钥打码，带过期时间</translation>
    </message>
    <message>
        <source>set a saved room&apos;s server and key in OBS (not while streaming)</source>
        <translation>把已保存直播间的服务器和串流密钥填入 OBS（推流中不可用）</translation>
    </message>
    <message>
        <source>the saved room&apos;s name (see `key list`)</source>
        <translation>已保存的直播间名称（见 `key list`）</translation>
    </message>
    <message>
        <source>forget a saved room and its key</source>
        <translation>删除已保存的直播间及其串流密钥</translation>
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
        <source>the mini-program live room: rooms, goods, goods push</source>
        <translation>小程序直播间：直播间、商品、商品上屏</translation>
    </message>
    <message>
        <source>list the rooms with their status</source>
        <translation>列出直播间及其状态</translation>
    </message>
    <message>
        <source>list a room&apos;s goods (prices in yuan)</source>
        <translation>列出直播间的商品（价格单位：元）</translation>
    </message>
    <message>
        <source>the room&apos;s id (see `room list`)</source>
        <translation>直播间 id（见 `room list`）</translation>
    </message>
    <message>
        <source>push a product on screen in a live room (商品上屏)</source>
        <translation>在直播间把商品上屏</translation>
    </message>
    <message>
        <source>the product&apos;s goods id (see `room goods`)</source>
        <translation>商品 id（见 `room goods`）</translation>
    </message>
    <message>
        <source>check a show plan&apos;s products against a room&apos;s goods before the show</source>
        <translation>开播前核对节目单的商品与直播间的商品</translation>
    </message>
    <message>
        <source>the show plan file (TOML)</source>
        <translation>节目单文件（TOML）</translation>
    </message>
    <message>
        <source>show or choose what the show&apos;s one-click buttons drive</source>
        <translation>查看或选择本场直播的一键按钮控制什么</translation>
    </message>
    <message>
        <source>miniprogram (the picked room; rehearsal if it is on), manual (checklist), dryrun</source>
        <translation>miniprogram（选定的小程序直播间；开启彩排时为彩排），manual（手动清单），dryrun（演练，不发送）</translation>
    </message>
    <message>
        <source>API address instead of the saved one (e.g. the emulator&apos;s)</source>
        <translation>使用此接口地址而不是已保存的（例如模拟器的）</translation>
    </message>
    <message>
        <source>Goods {goods} pushed on screen in room {room}.</source>
        <translation>商品 {goods} 已在直播间 {room} 上屏。</translation>
    </message>
    <message>
        <source>The show&apos;s one-click buttons drive: {target}</source>
        <translation>本场直播的一键按钮控制：{target}</translation>
    </message>
    <message>
        <source>one-click portrait studio: canvas, background, camera, PPT window, output preset</source>
        <translation>一键竖屏直播间：画布、背景、摄像头、PPT 窗口、输出预设</translation>
    </message>
    <message>
        <source>set up the live room scene in OBS (portrait unless --landscape)</source>
        <translation>在 OBS 中搭好直播间场景（竖屏，除非加 --landscape）</translation>
    </message>
    <message>
        <source>720p (1800 kbps) or 1080p (3000 kbps)</source>
        <translation>720p（1800 kbps）或 1080p（3000 kbps）</translation>
    </message>
    <message>
        <source>1280×720 / 1920×1080 instead</source>
        <translation>改用横屏 1280×720 / 1920×1080</translation>
    </message>
    <message>
        <source>background picture (PNG/JPG), scaled to cover the canvas (default: the console&apos;s own)</source>
        <translation>背景图片（PNG/JPG），缩放铺满画布（默认：中控台自带的）</translation>
    </message>
    <message>
        <source>where camera and PPT go (default %(default)s; see `setup layouts`)</source>
        <translation>摄像头和 PPT 的布局（默认 %(default)s；见 `setup layouts`）</translation>
    </message>
    <message>
        <source>camera as `setup devices` lists it (default: keep, or the first camera)</source>
        <translation>摄像头，写法同 `setup devices` 的列表（默认：保持不变，或第一个摄像头）</translation>
    </message>
    <message>
        <source>PPT window as `setup devices` lists it (default: keep, or the open slide show)</source>
        <translation>PPT 窗口，写法同 `setup devices` 的列表（默认：保持不变，或正在放映的幻灯片）</translation>
    </message>
    <message>
        <source>switch between 720P and 1080P in one go (canvas or output size, and bitrate)</source>
        <translation>一键切换 720P 和 1080P（画布或输出尺寸，以及码率）</translation>
    </message>
    <message>
        <source>the resolution to switch to</source>
        <translation>要切换到的分辨率</translation>
    </message>
    <message>
        <source>list the layouts</source>
        <translation>列出布局</translation>
    </message>
    <message>
        <source>list cameras and capturable windows as OBS sees them</source>
        <translation>列出 OBS 看到的摄像头和可采集的窗口</translation>
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
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>输出机器可读的 JSON</translation>
    </message>
    <message>
        <source>OBS connection (default: $OBS_HOST/$OBS_PORT/$OBS_PASSWORD, else the saved connection)</source>
        <translation>OBS 连接（默认取 $OBS_HOST/$OBS_PORT/$OBS_PASSWORD，否则用已保存的连接）</translation>
    </message>
    <message>
        <source>OBS host</source>
        <translation>OBS 主机地址</translation>
    </message>
    <message>
        <source>obs-websocket port</source>
        <translation>obs-websocket 端口</translation>
    </message>
    <message>
        <source>obs-websocket password (prefer $OBS_PASSWORD)</source>
        <translation>obs-websocket 密码（建议用 $OBS_PASSWORD）</translation>
    </message>
    <message>
        <source>seconds to wait for OBS (default 3)</source>
        <translation>等待 OBS 的秒数（默认 3）</translation>
    </message>
    <message>
        <source>the review after a show (复盘): HTML, PDF or JSON from its show log, health record and the platform&apos;s data export</source>
        <translation>直播复盘：由直播记录、健康记录和平台导出的数据生成 HTML、PDF 或 JSON</translation>
    </message>
    <message>
        <source>the show log (.showlog.jsonl), or its name in the shows folder (see --list)</source>
        <translation>直播记录文件（.showlog.jsonl），或它在直播记录文件夹中的名称（见 --list）</translation>
    </message>
    <message>
        <source>list the shows on this computer, newest first</source>
        <translation>列出本机的所有直播，最新的在前</translation>
    </message>
    <message>
        <source>the platform&apos;s live data export(s): CSV / xlsx / xls, by minute and/or by product</source>
        <translation>平台导出的直播数据：CSV / xlsx / xls，按分钟和/或按商品</translation>
    </message>
    <message>
        <source>columns the export names unusually, e.g. &quot;time=0,online=2,orders=5&quot; (0 = first)</source>
        <translation>导出文件中列名不常见时指定列，例如 &quot;time=0,online=2,orders=5&quot;（0 = 第一列）</translation>
    </message>
    <message>
        <source>seconds to add to the platform&apos;s times when its clock was off (default 0)</source>
        <translation>平台时钟不准时，给平台时间加上的秒数（默认 0）</translation>
    </message>
    <message>
        <source>does a minute row&apos;s time mark the start (default) or the end of its minute</source>
        <translation>每分钟一行的时间表示这一分钟的开始（默认）还是结束</translation>
    </message>
    <message>
        <source>the time zone to show times in and to read the export&apos;s times in, e.g. +08:00 (default: this computer&apos;s for the show, the platform&apos;s UTC+08:00 for the export)</source>
        <translation>显示时间和读取导出数据时间所用的时区，例如 +08:00（默认：直播用本机时区，导出数据用平台的 UTC+08:00）</translation>
    </message>
    <message>
        <source>health record file(s) (default: found by time in the health folder)</source>
        <translation>健康记录文件（默认：按时间在健康记录文件夹中查找）</translation>
    </message>
    <message>
        <source>another show to compare with</source>
        <translation>用来对比的另一场直播</translation>
    </message>
    <message>
        <source>write a self-contained HTML file</source>
        <translation>写出一个独立的 HTML 文件</translation>
    </message>
    <message>
        <source>write a PDF (needs a Chinese font)</source>
        <translation>写出 PDF（需要中文字体）</translation>
    </message>
    <message>
        <source>machine-readable review on stdout</source>
        <translation>在标准输出打印机器可读的复盘</translation>
    </message>
    <message>
        <source>“{text}” is not a time zone offset. Write it like +08:00.</source>
        <translation>“{text}” 不是时区偏移。请写成 +08:00 这样。</translation>
    </message>
    <message>
        <source>“{part}” is not column=number (e.g. time=0).</source>
        <translation>“{part}” 不是 列名=序号 的格式 (例如 time=0)。</translation>
    </message>
    <message>
        <source>No show log at {path}. `studio-console review --list` shows the shows on this computer.</source>
        <translation>{path} 没有直播记录。`studio-console review --list` 可列出本机的所有直播。</translation>
    </message>
    <message>
        <source>No shows on this computer yet ({folder}).</source>
        <translation>本机还没有直播记录 ({folder})。</translation>
    </message>
    <message>
        <source> (not ended)</source>
        <translation> (未下播)</translation>
    </message>
    <message>
        <source>Name the show log to review, or use --list to see the shows.</source>
        <translation>请指定要复盘的直播记录, 或用 --list 查看所有直播。</translation>
    </message>
    <message>
        <source>HTML review written to {path}</source>
        <translation>HTML 复盘已写入 {path}</translation>
    </message>
    <message>
        <source>PDF review written to {path}</source>
        <translation>PDF 复盘已写入 {path}</translation>
    </message>
    <message>
        <source>Review: {title}</source>
        <translation>复盘: {title}</translation>
    </message>
    <message>
        <source>  skipped: {what}</source>
        <translation>  已跳过: {what}</translation>
    </message>
    <message>
        <source>WeChat Channels (视频号) accounts: login state, show target, live dashboard</source>
        <translation>视频号账号：登录状态、本场直播的目标、直播数据大屏</translation>
    </message>
    <message>
        <source>the Channels accounts</source>
        <translation>列出视频号账号</translation>
    </message>
    <message>
        <source>open an account&apos;s web console and say what it shows</source>
        <translation>打开账号的视频号直播中控台网页，说明它现在的状态</translation>
    </message>
    <message>
        <source>the Channels account&apos;s name (see `channels list`)</source>
        <translation>视频号账号名称（见 `channels list`）</translation>
    </message>
    <message>
        <source>make an account the target of the next show&apos;s buttons</source>
        <translation>让下一场直播的一键按钮控制这个账号</translation>
    </message>
    <message>
        <source>save the day&apos;s live dashboard data (for `review --platform-data`)</source>
        <translation>保存当天的直播数据大屏数据（供 `review --platform-data` 复盘用）</translation>
    </message>
    <message>
        <source>the JSON file to write</source>
        <translation>要写入的 JSON 文件</translation>
    </message>
    <message>
        <source>the live&apos;s day, YYYYMMDD (China time; default today)</source>
        <translation>直播日期，格式 YYYYMMDD（北京时间；默认今天）</translation>
    </message>
    <message>
        <source>the after-show data of the lives (viewers, peak online, watch time, follows, comments), printed or saved for `review --platform-data`</source>
        <translation>直播结束后的数据（观看人数、最高在线、观看时长、新增粉丝、评论），打印出来或保存给 `review --platform-data` 用</translation>
    </message>
    <message>
        <source>the Channels account&apos;s name (default: the show&apos;s account, or the only one)</source>
        <translation>视频号账号名称（默认：本场直播所用的账号，或唯一的账号）</translation>
    </message>
    <message>
        <source>only the live that overlaps this show (its show log, or its name in the shows folder)</source>
        <translation>只取与这场直播时间重叠的那场（直播记录文件，或其在直播记录文件夹中的名称）</translation>
    </message>
    <message>
        <source>without --showlog: the lives that closed in the last DAYS days (default %(default)s)</source>
        <translation>不带 --showlog 时：最近 DAYS 天内结束的直播（默认 %(default)s）</translation>
    </message>
    <message>
        <source>save the lives to this JSON file, for `review SHOWLOG --platform-data FILE`</source>
        <translation>把直播数据保存到这个 JSON 文件，供 `review SHOWLOG --platform-data FILE` 使用</translation>
    </message>
    <message>
        <source>check OBS, versions, output mode, keyring and fonts</source>
        <translation>检查 OBS、版本、输出模式、系统密钥环和字体</translation>
    </message>
    <message>
        <source>print stream health samples: kbit/s, dropped frames, congestion, status</source>
        <translation>打印推流健康数据：码率 kbit/s、丢帧、拥塞、状态</translation>
    </message>
    <message>
        <source>how long to sample (default 10)</source>
        <translation>采样多少秒（默认 10）</translation>
    </message>
    <message>
        <source>machine-readable output at the end</source>
        <translation>结束时输出机器可读的 JSON</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>the running console&apos;s remote control (status, press a key, links)</source>
        <translation>正在运行的中控台的远程控制（状态、按键、链接）</translation>
    </message>
    <message>
        <source>is the remote control on, and does the console answer</source>
        <translation>远程控制是否开启，中控台是否有响应</translation>
    </message>
    <message>
        <source>press a pad key of the running console (explain, push, coupon …)</source>
        <translation>按下正在运行的中控台的一个按键（讲解、上屏、发券 …）</translation>
    </message>
    <message>
        <source>the pad key&apos;s id: explain, push, coupon, lottery, draw, next …</source>
        <translation>按键的 id：explain（讲解）、push（上屏）、coupon（发券）、lottery（抽奖）、draw（开奖）、next（下一步）…</translation>
    </message>
    <message>
        <source>answer yes to &quot;interrupt the explanation?&quot;</source>
        <translation>对“要打断正在讲解的商品吗？”回答“是”</translation>
    </message>
    <message>
        <source>the phone link, or a Stream Deck URL for one key (contains the token)</source>
        <translation>手机遥控页的链接，或某个按键的 Stream Deck 链接（含令牌）</translation>
    </message>
    <message>
        <source>a pad key id: print its Stream Deck &quot;Website&quot; URL</source>
        <translation>按键 id：打印它的 Stream Deck “网站”链接</translation>
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
        <source>Dry run, nothing sent (演练，不发送)</source>
        <translation>演练（不发送）</translation>
    </message>
    <message>
        <source>Rehearsal: “{title}” marked done; nothing was sent to a live room.</source>
        <translation>彩排：已将“{title}”标记为完成；没有向直播间发送任何内容。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>This OBS ({version}) has no built-in WebSocket server: update OBS to version 28 or newer (obsproject.com), then come back.</source>
        <translation>这个 OBS（{version}）没有内置 WebSocket 服务器：请把 OBS 更新到 28 或更高版本（obsproject.com），然后再回来。</translation>
    </message>
    <message>
        <source>In OBS: {menu}. Keep the port {port}; “Show Connect Info” there shows the password.</source>
        <translation>在 OBS 中：{menu}。端口保持 {port}；在那里点“显示连接信息”可以看到密码。</translation>
    </message>
    <message>
        <source>Connected to OBS {version}.</source>
        <translation>已连接 OBS {version}。</translation>
    </message>
    <message>
        <source>OBS refused the password.</source>
        <translation>OBS 拒绝了这个密码。</translation>
    </message>
    <message>
        <source>Type the password again. To see it in OBS: {menu}</source>
        <translation>请重新输入密码。在 OBS 中查看密码：{menu}</translation>
    </message>
    <message>
        <source>This OBS is too old for the console.</source>
        <translation>这个 OBS 版本太旧，中控台无法使用。</translation>
    </message>
    <message>
        <source>Update OBS to version 28 or newer (it has the WebSocket server built in).</source>
        <translation>请把 OBS 更新到 28 或更高版本（已内置 WebSocket 服务器）。</translation>
    </message>
    <message>
        <source>OBS is not running.</source>
        <translation>OBS 没有运行。</translation>
    </message>
    <message>
        <source>Start OBS Studio, then press “Check”. If OBS is not installed, get it from obsproject.com (version 28 or newer).</source>
        <translation>请先打开 OBS Studio，然后点“检查”。如果还没有安装 OBS，请到 obsproject.com 下载（28 或更高版本）。</translation>
    </message>
    <message>
        <source>OBS is running, but its WebSocket server is off (or on another port).</source>
        <translation>OBS 正在运行，但它的 WebSocket 服务器没有开启（或用的是别的端口）。</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <source>the desktop keyring (Secret Service: GNOME Keyring or KWallet)</source>
        <translation>桌面钥匙串（Secret Service：GNOME 密钥环或 KWallet）</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>First-run wizard…</source>
        <translation>首次使用向导…</translation>
    </message>
    <message>
        <source>Welcome to Studio Console</source>
        <translation>欢迎使用直播中控台</translation>
    </message>
    <message>
        <source>Studio Console works beside OBS Studio. First, let it connect to OBS.</source>
        <translation>直播中控台配合 OBS Studio 使用。第一步：连接 OBS。</translation>
    </message>
    <message>
        <source>OBS WebSocket password</source>
        <translation>OBS WebSocket 密码</translation>
    </message>
    <message>
        <source>OBS address</source>
        <translation>OBS 地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>OBS is connected. A few things that help before the first rehearsal:</source>
        <translation>OBS 已连接。第一次彩排前，这几件事会有帮助：</translation>
    </message>
    <message>
        <source>Set up the portrait (vertical) scenes in OBS next</source>
        <translation>接下来在 OBS 中设置竖屏直播场景</translation>
    </message>
    <message>
        <source>Put a copy of the example show plan in my Documents folder</source>
        <translation>在“文档”文件夹里放一份示例节目单</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Looking for OBS…</source>
        <translation>正在查找 OBS…</translation>
    </message>
    <message>
        <source>The password is saved in {keyring}, not in a file.</source>
        <translation>密码已保存在{keyring}中，不会写进文件。</translation>
    </message>
    <message>
        <source>Could not copy the example plan to {folder}: {error}</source>
        <translation>无法把示例节目单复制到 {folder}：{error}</translation>
    </message>
    <message>
        <source>The example plan is at {path}: open it in the plan editor and make it yours.</source>
        <translation>示例节目单在 {path}：在节目单编辑器里打开，改成你自己的。</translation>
    </message>
</context>
<context>
    <name>GoodsMatch</name>
    <message>
        <source>not submitted (未提审)</source>
        <translation>未提审</translation>
    </message>
    <message>
        <source>in review (审核中)</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>rejected (未通过)</source>
        <translation>未通过审核</translation>
    </message>
    <message>
        <source>All {count} products of the plan are in the room.</source>
        <translation>方案中的 {count} 个商品都已在直播间。</translation>
    </message>
    <message>
        <source>{matched} of {count} products are in the room; {problems} need attention before the show.</source>
        <translation>{count} 个商品中 {matched} 个已在直播间；{problems} 个需要在开播前处理。</translation>
    </message>
    <message>
        <source>Approved but not in the room: add it to the room (button below, or 导入商品 in the live console).</source>
        <translation>已审核通过但不在直播间：请导入直播间（下方按钮，或在直播控制台点“导入商品”）。</translation>
    </message>
    <message>
        <source>In the goods library but {status}: it cannot go into a room until it is approved. Submit it in 微信公众平台 → 直播 → 商品库, or take it out of the plan.</source>
        <translation>在商品库中但{status}：审核通过前无法导入直播间。请在 微信公众平台 → 直播 → 商品库 提交审核，或从方案中移除。</translation>
    </message>
    <message>
        <source>No goods {id} in the room or the goods library: check the goods id in the plan.</source>
        <translation>直播间和商品库里都没有商品 {id}：请检查方案里的商品 ID。</translation>
    </message>
    <message>
        <source>No goods of the room or the library has this name: add its goods id to the plan, or add the product in 微信公众平台 → 直播 → 商品库.</source>
        <translation>直播间和商品库里都没有这个名字的商品：请在方案中填写商品 ID，或在 微信公众平台 → 直播 → 商品库 添加该商品。</translation>
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
    <message>
        <source>{kbps} · dropped {dropped}</source>
        <translation>{kbps} · 丢帧 {dropped}</translation>
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
        <source>Measuring</source>
        <translation>测量中</translation>
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
        <source>Bitrate {kbps} kbit/s.</source>
        <translation>码率 {kbps} kbit/s。</translation>
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
    <message>
        <source>Network drops: {value:.1f} % of frames did not reach the platform. Check the network (a cable instead of Wi-Fi) or lower the bitrate.</source>
        <translation>网络丢帧：{value:.1f} % 的画面没有送到平台。请检查网络（用网线代替 Wi-Fi）或降低码率。</translation>
    </message>
    <message>
        <source>Encoder overloaded: {value:.1f} % of frames skipped. Switch OBS to the 720P settings or a faster x264 preset, and close other programs.</source>
        <translation>编码器过载：跳过了 {value:.1f} % 的帧。请把 OBS 切换到 720P 参数或更快的 x264 预设，并关闭其他程序。</translation>
    </message>
    <message>
        <source>Render lag: OBS missed {value:.1f} % of frames. Remove heavy sources or filters, and close other programs (games, video in a browser).</source>
        <translation>渲染延迟：OBS 漏掉了 {value:.1f} % 的帧。请去掉占资源的来源或滤镜，并关闭其他程序（游戏、浏览器里的视频）。</translation>
    </message>
    <message>
        <source>Frame rate {fps:.0f} fps on a {canvas:.0f} fps canvas: the picture stutters. Lighten the scene (fewer sources) and close other programs.</source>
        <translation>帧率 {fps:.0f} fps，画布是 {canvas:.0f} fps：画面会卡顿。请减轻场景（少用来源）并关闭其他程序。</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <source>{combo} is already taken by another program. Pick another combo, or free it there.</source>
        <translation>{combo} 已被其他程序占用。请换一个组合键，或在那个程序里释放它。</translation>
    </message>
    <message>
        <source>“{text}” is not a key combination. Write it like Ctrl+Alt+1.</source>
        <translation>“{text}”不是组合键。请按 Ctrl+Alt+1 这样的格式填写。</translation>
    </message>
    <message>
        <source>“{word}” is not a modifier key (Ctrl, Alt, Shift, Super).</source>
        <translation>“{word}”不是修饰键（Ctrl、Alt、Shift、Super）。</translation>
    </message>
    <message>
        <source>“{key}” is not a key a hotkey can use (letters, digits, F1–F24, arrows, Space …).</source>
        <translation>“{key}”不能用作快捷键（可用字母、数字、F1–F24、方向键、空格等）。</translation>
    </message>
    <message>
        <source>A global hotkey needs Ctrl, Alt or Super with the key (e.g. Ctrl+Alt+{key}), so typing never presses a button.</source>
        <translation>全局快捷键需要 Ctrl、Alt 或 Super 加一个键（例如 Ctrl+Alt+{key}），这样打字时不会误按按钮。</translation>
    </message>
    <message>
        <source>Global hotkeys need an X11 session; this desktop runs Wayland only. Log in with an &quot;on Xorg&quot; session to use them.</source>
        <translation>全局快捷键需要 X11 会话；当前桌面只运行 Wayland。请在登录时选择“Xorg”会话后再使用。</translation>
    </message>
    <message>
        <source>No desktop session found for global hotkeys.</source>
        <translation>没有找到桌面会话，全局快捷键不可用。</translation>
    </message>
    <message>
        <source>macOS hotkeys need the Carbon framework (macOS only).</source>
        <translation>macOS 快捷键需要 Carbon 框架（仅限 macOS）。</translation>
    </message>
    <message>
        <source>macOS refused the hotkey handler (error {code}).</source>
        <translation>macOS 拒绝了快捷键处理程序（错误 {code}）。</translation>
    </message>
    <message>
        <source>{combo} is already used by another action of the console.</source>
        <translation>{combo} 已被中控台的另一个操作使用。</translation>
    </message>
    <message>
        <source>This keyboard has no key {key}.</source>
        <translation>这个键盘上没有 {key} 键。</translation>
    </message>
    <message>
        <source>macOS refused the hotkey {combo} (error {code}).</source>
        <translation>macOS 拒绝了快捷键 {combo}（错误 {code}）。</translation>
    </message>
    <message>
        <source>{combo} is already the hotkey of “{action}”.</source>
        <translation>{combo} 已经是“{action}”的快捷键。</translation>
    </message>
    <message>
        <source>{combo} → {action}: {outcome}</source>
        <translation>{combo} → {action}：{outcome}</translation>
    </message>
    <message>
        <source>Windows hotkeys only work on Windows.</source>
        <translation>Windows 快捷键只能在 Windows 上使用。</translation>
    </message>
    <message>
        <source>Windows refused the hotkey {combo} (error {code}).</source>
        <translation>Windows 拒绝了快捷键 {combo}（错误 {code}）。</translation>
    </message>
    <message>
        <source>Cannot reach the X display for global hotkeys ({error}).</source>
        <translation>无法连接 X 显示服务，全局快捷键不可用（{error}）。</translation>
    </message>
    <message>
        <source>{combo} switches the computer&apos;s text consoles on Linux and never reaches the console. Pick another combo (e.g. Ctrl+Shift+{key}).</source>
        <translation>在 Linux 上 {combo} 用于切换系统的文字控制台，中控台收不到。请换一个组合键（例如 Ctrl+Shift+{key}）。</translation>
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
        <source>The price &quot;{value}&quot; is not a price the console can use (a number from 0 to {most} yuan); the product was imported without it: type the price on the show plan page.</source>
        <translation>价格“{value}”无法使用（应为 0 到 {most} 元之间的数字）；该商品已导入但没有价格：请在“节目单”页填写价格。</translation>
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
        <source>Replace it</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>That is far too long to be a push address. Copy only the address (推流地址) from the live console.</source>
        <translation>内容太长，不可能是推流地址。请只复制直播控制台中的推流地址。</translation>
    </message>
    <message>
        <source>Push address read. Give the live room a name and save it.</source>
        <translation>已读取推流地址。请给直播间起个名字并保存。</translation>
    </message>
    <message>
        <source>Stream key copied. Paste it only into OBS.</source>
        <translation>已复制串流密钥。只能粘贴到 OBS 里。</translation>
    </message>
    <message>
        <source>a key no longer in the keyring</source>
        <translation>（系统钥匙串里已没有这个密钥）</translation>
    </message>
    <message>
        <source>“{room}” already has a saved push address: key {key} for {server}, expires {expiry}. Replace it with the new one (key {new_key}, expires {new_expiry})?</source>
        <translation>“{room}”已保存了推流地址：串流密钥 {key}，服务器 {server}，{expiry} 过期。要用新的地址（串流密钥 {new_key}，{new_expiry} 过期）替换它吗？</translation>
    </message>
    <message>
        <source>Not saved. Give the new address another room name, or replace the saved one.</source>
        <translation>未保存。请给新地址换一个直播间名称，或替换已保存的那个。</translation>
    </message>
</context>
<context>
    <name>LiveNumbersStrip</name>
    <message>
        <source>Online {online} · viewers {viewers} · new followers {follows} · orders {orders} · sales {gmv}</source>
        <translation>在线 {online} · 观看 {viewers} · 新增关注 {follows} · 成交 {orders} 单 · 销售额 {gmv}</translation>
    </message>
    <message>
        <source>From the Channels live dashboard; updated about once a minute.</source>
        <translation>来自视频号直播大屏数据，约每分钟更新一次。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Studio Console · 直播中控台</source>
        <translation>直播中控台 · Studio Console</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Push keys, portrait studio, live room, show plan</source>
        <translation>推流密钥、竖屏直播间、直播间、节目单</translation>
    </message>
    <message>
        <source>Pad window</source>
        <translation>快捷键盘窗口</translation>
    </message>
    <message>
        <source>A small action pad that stays on top (over OBS, or on a second screen)</source>
        <translation>一个始终置顶的小快捷键盘（可放在 OBS 上方或第二块屏幕）</translation>
    </message>
    <message>
        <source>Channels 视频号</source>
        <translation>视频号</translation>
    </message>
    <message>
        <source>Remote control 遥控</source>
        <translation>遥控</translation>
    </message>
    <message>
        <source>Review 复盘</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>◀ Back to the show</source>
        <translation>◀ 返回直播</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
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
        <source>The show</source>
        <translation>直播画面</translation>
    </message>
    <message>
        <source>Setup…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Pad window (always on top)</source>
        <translation>快捷键盘窗口（始终置顶）</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Dark (dim studio)</source>
        <translation>深色（暗光直播间）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重置布局</translation>
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
        <source>End the explanation of “{title}” (结束讲解) in the live console.</source>
        <translation>在直播中控台结束讲解“{title}”。</translation>
    </message>
    <message>
        <source>Add “{title}” to the room&apos;s goods (导入商品) in the live console.</source>
        <translation>在直播控制台把“{title}”导入直播间商品（导入商品）。</translation>
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
        <source>Change the stock (库存) of “{title}” in the shop&apos;s own back end.</source>
        <translation>在店铺自己的后台修改“{title}”的库存。</translation>
    </message>
    <message>
        <source>Manual (checklist)</source>
        <translation>手动（清单）</translation>
    </message>
    <message>
        <source>Manual checklist (手动清单)</source>
        <translation>手动清单</translation>
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
        <source>OBS not answering: it may be frozen or overloaded. Reconnecting as soon as it answers…</source>
        <translation>OBS 无响应：可能已卡死或负载过高。一旦恢复响应将立即重新连接…</translation>
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
    <name>OnAir</name>
    <message>
        <source>OBS is not connected</source>
        <translation>OBS 未连接</translation>
    </message>
    <message>
        <source>Start OBS on this computer; the console connects by itself. If it does not, check the address and password in the bar above.</source>
        <translation>请在这台电脑上启动 OBS，中控台会自动连接。如果连不上，请检查上方栏里的地址和密码。</translation>
    </message>
    <message>
        <source>Not streaming</source>
        <translation>未推流</translation>
    </message>
    <message>
        <source>Not streaming. Start the stream when the studio is ready.</source>
        <translation>未推流。直播间准备好后再开始推流。</translation>
    </message>
    <message>
        <source>Starting the stream…</source>
        <translation>正在开始推流…</translation>
    </message>
    <message>
        <source>OBS is connecting to the platform. If this takes more than a few seconds, check the push address (推流地址) and the network.</source>
        <translation>OBS 正在连接平台。如果几秒后还没连上，请检查推流地址和网络。</translation>
    </message>
    <message>
        <source>Stopping the stream…</source>
        <translation>正在停止推流…</translation>
    </message>
    <message>
        <source>OBS is ending the stream.</source>
        <translation>OBS 正在结束推流。</translation>
    </message>
    <message>
        <source>OBS lost the platform and is reconnecting</source>
        <translation>OBS 与平台断开，正在重连</translation>
    </message>
    <message>
        <source>OBS is reconnecting to the platform; viewers see a frozen picture. Check the network (cable, router); OBS retries by itself.</source>
        <translation>OBS 正在重连平台，观众看到的是定格画面。请检查网络（网线、路由器）；OBS 会自动重试。</translation>
    </message>
    <message>
        <source>OBS is gone — the stream is down</source>
        <translation>OBS 没有响应——推流已中断</translation>
    </message>
    <message>
        <source>OBS is not answering, viewers see nothing. Start OBS again now; the console reconnects by itself, then press Start streaming.</source>
        <translation>OBS 没有响应，观众什么也看不到。请立即重新启动 OBS；中控台会自动重连，然后点“开始推流”。</translation>
    </message>
    <message>
        <source>The stream stopped by itself — nothing is on air</source>
        <translation>推流自己停了——现在没有任何画面在播出</translation>
    </message>
    <message>
        <source>OBS stopped streaming without anyone stopping it (it may have been restarted). Press Start streaming to go back on air.</source>
        <translation>没有人停止推流，OBS 却停了（可能被重启过）。请点“开始推流”恢复播出。</translation>
    </message>
    <message>
        <source>The show is running but the stream is OFF</source>
        <translation>直播还在进行，但推流已停止</translation>
    </message>
    <message>
        <source>Viewers see nothing. Press Start streaming now to go back on air — or, if the show is over, End show (结束直播) in the rundown.</source>
        <translation>观众什么也看不到。请立即点“开始推流”恢复播出——如果直播已经结束，请在节目单里点“结束直播”。</translation>
    </message>
    <message>
        <source>● LIVE — measuring the stream</source>
        <translation>● 直播中——正在测量推流</translation>
    </message>
    <message>
        <source>Measuring the bitrate… a verdict follows in a few seconds.</source>
        <translation>正在测量码率……几秒后给出结论。</translation>
    </message>
    <message>
        <source>● LIVE — {word}</source>
        <translation>● 直播中——{word}</translation>
    </message>
    <message>
        <source>OBS is back, but the console could not check what it shows ({error}). Look at the overlays in OBS.</source>
        <translation>OBS 已恢复，但中控台无法检查它正在显示的内容（{error}）。请在 OBS 里看一下叠加层。</translation>
    </message>
</context>
<context>
    <name>OnAirStrip</name>
    <message>
        <source>● ON AIR</source>
        <translation>● 直播中</translation>
    </message>
    <message>
        <source>Starting the stream…</source>
        <translation>正在开始推流…</translation>
    </message>
    <message>
        <source>Stopping the stream…</source>
        <translation>正在停止推流…</translation>
    </message>
    <message>
        <source>Reconnecting — the audience may see a frozen picture</source>
        <translation>正在重连——观众可能看到画面卡住</translation>
    </message>
    <message>
        <source>⚠ OBS stopped answering during the show</source>
        <translation>⚠ 直播中 OBS 没有响应</translation>
    </message>
    <message>
        <source>⚠ The show runs but nothing is streamed</source>
        <translation>⚠ 直播进行中，但没有在推流</translation>
    </message>
    <message>
        <source>Off air</source>
        <translation>未开播</translation>
    </message>
    <message>
        <source>OBS not connected</source>
        <translation>未连接 OBS</translation>
    </message>
    <message>
        <source>Connect to OBS in the bar below.</source>
        <translation>请在下方连接栏连接 OBS。</translation>
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
    <name>Pad</name>
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
        <source>On sale (上架)</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Off sale (下架)</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>{target} (when the show starts)</source>
        <translation>{target}（开播后）</translation>
    </message>
    <message>
        <source>There is nothing to fix on this key.</source>
        <translation>这个按键没有可修复的问题。</translation>
    </message>
    <message>
        <source>This key is not waiting for an answer.</source>
        <translation>这个按键不需要确认。</translation>
    </message>
    <message>
        <source>Marked as done in the live room.</source>
        <translation>已记为直播间里已完成。</translation>
    </message>
    <message>
        <source>Marked as not sent: press the key to send it.</source>
        <translation>已记为未发送：按下按键再发一次。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Stopped before an answer came; check the live console.</source>
        <translation>收到回复前已中断，请在直播控制台确认。</translation>
    </message>
    <message>
        <source>{question} Press again to send.</source>
        <translation>{question} 再按一次发送。</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>未发送：{reason}</translation>
    </message>
    <message>
        <source>✓ {target}: {message}</source>
        <translation>✓ {target}：{message}</translation>
    </message>
    <message>
        <source>✓ {target}: done</source>
        <translation>✓ {target}：已完成</translation>
    </message>
    <message>
        <source>☐ {target}: do it by hand — {step}</source>
        <translation>☐ {target}：请手动操作 — {step}</translation>
    </message>
    <message>
        <source>✗ {target}: not done — {reason}</source>
        <translation>✗ {target}：未完成 — {reason}</translation>
    </message>
    <message>
        <source>Add to this room and push</source>
        <translation>导入本直播间并上屏</translation>
    </message>
    <message>
        <source>Put on sale and push</source>
        <translation>上架并上屏</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>{result} — retrying in {seconds} s</source>
        <translation>{result} — {seconds} 秒后重试</translation>
    </message>
    <message>
        <source>“{title}” sent? — check in the live console, then answer here.</source>
        <translation>“{title}”发出去了吗？— 请在直播控制台确认，再在这里回答。</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Notify fans (推送本场直播)</source>
        <translation>推送本场直播</translation>
    </message>
    <message>
        <source>End explain (结束讲解)</source>
        <translation>结束讲解</translation>
    </message>
    <message>
        <source>Stock (库存)</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Start the show</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <source>No show is running — start or resume the show first.</source>
        <translation>没有进行中的直播 — 请先开始或恢复直播。</translation>
    </message>
    <message>
        <source>The show has ended (结束直播). Start a new show for more.</source>
        <translation>直播已结束。如需继续，请开始新的一场直播。</translation>
    </message>
    <message>
        <source>Sending… wait for the answer.</source>
        <translation>发送中… 请等待回复。</translation>
    </message>
    <message>
        <source>The last press was sent but never answered: check the live console, then say whether it happened.</source>
        <translation>上一次操作已发出但没有收到回复：请在直播控制台确认，再告诉我是否已生效。</translation>
    </message>
    <message>
        <source>No product is on air or next in the running order.</source>
        <translation>节目单里没有正在讲解或下一个商品。</translation>
    </message>
    <message>
        <source>The plan has no coupon.</source>
        <translation>方案里没有优惠券。</translation>
    </message>
    <message>
        <source>The plan has no lottery.</source>
        <translation>方案里没有抽奖。</translation>
    </message>
    <message>
        <source>No lottery is running — start one first.</source>
        <translation>没有进行中的抽奖 — 请先发起抽奖。</translation>
    </message>
    <message>
        <source>The plan has no announcement.</source>
        <translation>方案里没有公告。</translation>
    </message>
    <message>
        <source>Nothing the console put on screen is showing.</source>
        <translation>中控台放上屏幕的内容都已下屏。</translation>
    </message>
    <message>
        <source>This live room has no 讲解 pop-up to end (Channels has one).</source>
        <translation>这个直播间没有可结束的讲解弹窗（视频号才有）。</translation>
    </message>
    <message>
        <source>No product is being explained.</source>
        <translation>没有正在讲解的商品。</translation>
    </message>
    <message>
        <source>Nothing to act on.</source>
        <translation>没有可操作的对象。</translation>
    </message>
    <message>
        <source>☐ On the checklist: {step}</source>
        <translation>☐ 已列入清单：{step}</translation>
    </message>
    <message>
        <source>Pushed: {title}</source>
        <translation>上屏：{title}</translation>
    </message>
    <message>
        <source>Lottery: {title}</source>
        <translation>抽奖：{title}</translation>
    </message>
    <message>
        <source>Draw: {title}</source>
        <translation>开奖：{title}</translation>
    </message>
</context>
<context>
    <name>PadWindow</name>
    <message>
        <source>Action pad · 快捷键盘</source>
        <translation>快捷键盘 · Action pad</translation>
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
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>The plan nests tables or lists too deeply to read. A show plan needs only [show], [[products]], [[order]] and the like: start again from the example plan.</source>
        <translation>直播方案中的表格或列表嵌套过深，无法读取。直播方案只需要 [show]、[[products]]、[[order]] 等几部分：请从示例方案重新开始。</translation>
    </message>
    <message>
        <source>This is not valid TOML here ({detail}). Check quotes, brackets and “=”.</source>
        <translation>这里的 TOML 格式不对（{detail}）。请检查引号、括号和“=”。</translation>
    </message>
    <message>
        <source>A number in the plan is far too long to read. Check the numbers (prices, stock, minutes).</source>
        <translation>直播方案中有一个数字长得无法读取。请检查各个数字（价格、库存、分钟数）。</translation>
    </message>
    <message>
        <source>The show plan is empty. It needs at least a [show] table and a running order ([[order]]); start from the example plan.</source>
        <translation>直播方案是空的。至少需要一个 [show] 表和一个流程（[[order]]）；可以从示例方案开始。</translation>
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
        <source>The start {start} has no time zone, so it is unclear when the show starts. Add it, e.g. 2024-06-18T20:00:00+08:00 for China.</source>
        <translation>开播时间 {start} 没有时区，无法确定何时开播。请加上时区，例如中国时间写作 2024-06-18T20:00:00+08:00。</translation>
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
        <source>“{key}” must be an ordinary number, not {value}.</source>
        <translation>“{key}”必须是普通数字，不能是 {value}。</translation>
    </message>
    <message>
        <source>“{key}” must be at least {minimum}.</source>
        <translation>“{key}”至少为 {minimum}。</translation>
    </message>
    <message>
        <source>“{key}” must be at most {maximum}.</source>
        <translation>“{key}”不能超过 {maximum}。</translation>
    </message>
    <message>
        <source>“{key}” must be a price in yuan, e.g. 59.9.</source>
        <translation>“{key}”必须是以元为单位的价格，例如 59.9。</translation>
    </message>
    <message>
        <source>“{key}” is {amount} yuan: far more than any price. Check the digits.</source>
        <translation>“{key}”为 {amount} 元，远超任何正常价格。请检查数字。</translation>
    </message>
    <message>
        <source>The goods id {id} was rounded by a spreadsheet (E+ notation): digits are lost. Copy the id again from the platform&apos;s goods list.</source>
        <translation>商品 id {id} 被表格软件转成了科学计数法（E+），丢失了数字。请从平台的商品列表重新复制 id。</translation>
    </message>
    <message>
        <source>The goods id {id} is a decimal number; a goods id is text in quotes, e.g. goods_id = &quot;1234567&quot;. Copy it again from the platform&apos;s goods list.</source>
        <translation>商品 ID {id} 是一个小数；商品 ID 应是带引号的文字，例如 goods_id = &quot;1234567&quot;。请从平台的商品列表重新复制。</translation>
    </message>
    <message>
        <source>The goods id must be text in quotes, e.g. goods_id = &quot;1234567&quot;.</source>
        <translation>商品 ID 必须是带引号的文字，例如 goods_id = &quot;1234567&quot;。</translation>
    </message>
</context>
<context>
    <name>PlanEditorPanel</name>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>用模板新建</translation>
    </message>
    <message>
        <source>Recent plans</source>
        <translation>最近的节目单</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
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
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>New plan, not saved yet — Save puts it in {path}</source>
        <translation>新节目单，尚未保存——保存后位于 {path}</translation>
    </message>
    <message>
        <source>Plan file: {path} — the shipped example, read-only: Save makes your own copy in your documents</source>
        <translation>节目单文件：{path}——随软件附带的示例，只读：保存时会在“文档”里生成你自己的副本</translation>
    </message>
    <message>
        <source>Plan file: {path}</source>
        <translation>节目单文件：{path}</translation>
    </message>
    <message>
        <source>{count} problem(s) in this plan — fix them before the show:</source>
        <translation>这个节目单有 {count} 个问题——开播前请改好：</translation>
    </message>
    <message>
        <source>Open a show plan</source>
        <translation>打开节目单</translation>
    </message>
    <message>
        <source>Show plans (*.toml);;All files (*)</source>
        <translation>节目单 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened {name}: {count} problem(s), listed above.</source>
        <translation>已打开 {name}：有 {count} 个问题，见上方列表。</translation>
    </message>
    <message>
        <source>Opened {name}. The plan has no problems.</source>
        <translation>已打开 {name}。节目单没有问题。</translation>
    </message>
    <message>
        <source>New plan. Edit it, then Save.</source>
        <translation>已新建节目单。编辑后请保存。</translation>
    </message>
    <message>
        <source>Save the show plan as</source>
        <translation>节目单另存为</translation>
    </message>
    <message>
        <source>Show plans (*.toml)</source>
        <translation>节目单 (*.toml)</translation>
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
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
    <message>
        <source>The example plan is read-only: your changes are saved as your own copy, {path}.</source>
        <translation>示例节目单是只读的：你的修改已保存为你自己的副本 {path}。</translation>
    </message>
    <message>
        <source>{count} problem(s) to fix before the show, listed above.</source>
        <translation>开播前有 {count} 个问题要改，见上方列表。</translation>
    </message>
    <message>
        <source>The plan has no problems.</source>
        <translation>节目单没有问题。</translation>
    </message>
    <message>
        <source>Could not save the plan: {reason}. Check the folder and try again.</source>
        <translation>无法保存节目单：{reason}。请检查文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>PlanFiles</name>
    <message>
        <source>Show</source>
        <translation>直播信息</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Running order, step</source>
        <translation>节目单环节</translation>
    </message>
    <message>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>what it refers to</source>
        <translation>对应的内容</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>prize</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>step kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <source>goods id</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Line {line}{where}: {message}</source>
        <translation>第 {line} 行{where}：{message}</translation>
    </message>
    <message>
        <source>The show plan {path} is not there any more. Open another plan or make a new one from a template.</source>
        <translation>节目单 {path} 已不存在。请打开另一个节目单，或用模板新建一个。</translation>
    </message>
    <message>
        <source>The show plan {path} is not UTF-8 text. Save it as UTF-8 in your editor, then open it again.</source>
        <translation>节目单 {path} 不是 UTF-8 文本。请在编辑器里另存为 UTF-8，再重新打开。</translation>
    </message>
    <message>
        <source>The show plan {path} cannot be read ({error}). Check the file and open it again.</source>
        <translation>无法读取节目单 {path}（{error}）。请检查该文件后重新打开。</translation>
    </message>
    <message>
        <source>The show plan {path} is not a plan the console can read ({count} problem(s), listed in the plan editor). Fix it or open another plan.</source>
        <translation>节目单 {path} 中控台无法读取（{count} 个问题，已在节目单编辑器中列出）。请修改它，或打开另一个节目单。</translation>
    </message>
    <message>
        <source>The show plan {path} has {count} problem(s); the first: {first}. The console keeps the example plan for the show until you fix them in the plan editor.</source>
        <translation>节目单 {path} 有 {count} 个问题；第一个：{first}。在节目单编辑器里改好之前，直播先用示例节目单。</translation>
    </message>
    <message>
        <source>Sales special (带货专场), from the example</source>
        <translation>带货专场（基于示例）</translation>
    </message>
    <message>
        <source>Empty plan</source>
        <translation>空白节目单</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>新的直播</translation>
    </message>
    <message>
        <source>-my-copy</source>
        <translation>-我的副本</translation>
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
        <source>The pasted text holds an invisible control character that would cut the stream key short. Copy the address again from the live console (直播控制台), or type it.</source>
        <translation>粘贴的内容中含有不可见的控制字符，会把串流密钥截断。请从直播控制台重新复制推流地址，或手动输入。</translation>
    </message>
    <message>
        <source>This is far too long to be a push address (more than {limit} characters). Copy only the address from the live console (直播控制台 → 推流地址).</source>
        <translation>内容太长，不可能是推流地址（超过 {limit} 个字符）。请只复制直播控制台中的推流地址（直播控制台 → 推流地址）。</translation>
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
    <name>Reconcile</name>
    <message>
        <source>took off {what} (it had been taken off while OBS was away)</source>
        <translation>撤下了{what}（OBS 断开期间已被撤下）</translation>
    </message>
    <message>
        <source>put back {what}</source>
        <translation>重新显示了{what}</translation>
    </message>
    <message>
        <source>OBS is back. To match the show, the console {changes}.</source>
        <translation>OBS 已恢复。为了和直播保持一致，中控台{changes}。</translation>
    </message>
    <message>
        <source>Could not fix: {what}. Check OBS.</source>
        <translation>无法修正：{what}。请检查 OBS。</translation>
    </message>
</context>
<context>
    <name>RemoteApi</name>
    <message>
        <source>The remote control could not listen on {address} port {port} ({error}). Another program may use that port: pick another port in the remote control settings.</source>
        <translation>遥控无法在 {address} 端口 {port} 上监听（{error}）。可能有其他程序占用了该端口：请在遥控设置里换一个端口。</translation>
    </message>
    <message>
        <source>This address is not the console&apos;s.</source>
        <translation>这个地址不是中控台的。</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment, then press again.</source>
        <translation>请求太频繁。请稍等片刻再按。</translation>
    </message>
    <message>
        <source>A request from another web page is refused.</source>
        <translation>已拒绝来自其他网页的请求。</translation>
    </message>
    <message>
        <source>Too many wrong tokens. Wait, then scan the console&apos;s QR code again.</source>
        <translation>错误的令牌太多。请稍等，然后重新扫描中控台的二维码。</translation>
    </message>
    <message>
        <source>The token is missing or wrong. Scan the QR code in the console&apos;s remote control settings again.</source>
        <translation>缺少令牌或令牌错误。请在中控台的「遥控」设置里重新扫描二维码。</translation>
    </message>
    <message>
        <source>Use GET or POST to press a key.</source>
        <translation>请用 GET 或 POST 按键。</translation>
    </message>
    <message>
        <source>There is no key “{key}” on the pad.</source>
        <translation>操作台上没有按键“{key}”。</translation>
    </message>
    <message>
        <source>The key could not be pressed (an unexpected error, written to the console&apos;s log). Use the console&apos;s own pad.</source>
        <translation>按键没有执行（意外错误，已写入中控台日志）。请使用中控台上的操作台。</translation>
    </message>
</context>
<context>
    <name>RemoteCli</name>
    <message>
        <source>Remote control is on: {url}</source>
        <translation>遥控已开启：{url}</translation>
    </message>
    <message>
        <source>Remote control is off (nothing answers at {url}). Turn it on in the console&apos;s remote control settings.</source>
        <translation>遥控未开启（{url} 没有应答）。请在中控台的「遥控」设置里打开。</translation>
    </message>
    <message>
        <source>The console does not answer at {url}. Start the console and turn its remote control on.</source>
        <translation>中控台在 {url} 没有应答。请启动中控台并打开遥控。</translation>
    </message>
</context>
<context>
    <name>RemoteControl</name>
    <message>
        <source>Pick a port between 1024 and 65535.</source>
        <translation>请选择 1024 到 65535 之间的端口。</translation>
    </message>
    <message>
        <source>This computer has no network address for the phone to reach (no Wi-Fi or cable?). Connect it to the desk&apos;s network, or turn LAN access off.</source>
        <translation>这台电脑没有手机能访问到的网络地址（没连 Wi-Fi 或网线？）。请把电脑连到直播间的网络，或关闭局域网访问。</translation>
    </message>
</context>
<context>
    <name>RemotePanel</name>
    <message>
        <source>Allow remote control (phone, Stream Deck, Companion)</source>
        <translation>允许遥控（手机、Stream Deck、Companion）</translation>
    </message>
    <message>
        <source>Also on the local network (a phone on the same Wi-Fi)</source>
        <translation>同时开放到局域网（同一 Wi-Fi 下的手机）</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>显示二维码</translation>
    </message>
    <message>
        <source>New token (old links stop working)</source>
        <translation>更换令牌（旧链接将失效）</translation>
    </message>
    <message>
        <source>Copy Stream Deck URL</source>
        <translation>复制 Stream Deck 地址</translation>
    </message>
    <message>
        <source>Stream Deck “Website” button for:</source>
        <translation>Stream Deck “Website”按键对应：</translation>
    </message>
    <message>
        <source>Phone and Stream Deck</source>
        <translation>手机和 Stream Deck</translation>
    </message>
    <message>
        <source>Global hotkeys (work while the console is minimised)</source>
        <translation>全局快捷键（中控台最小化时也有效）</translation>
    </message>
    <message>
        <source>Combos only (Ctrl, Alt or Super with a key), saved with this show plan.</source>
        <translation>只能用组合键（Ctrl、Alt 或 Super 加一个键），随本场直播方案保存。</translation>
    </message>
    <message>
        <source>On: {url}</source>
        <translation>已开启：{url}</translation>
    </message>
    <message>
        <source>Off: {problem}</source>
        <translation>已关闭：{problem}</translation>
    </message>
    <message>
        <source>Off. Nothing outside this window can press a button.</source>
        <translation>已关闭。窗口之外的任何设备都不能按按钮。</translation>
    </message>
    <message>
        <source>LAN mode: this computer answers at {address} port {port} on the local network. Anyone on this network who gets the link or QR code can press the buttons; turn LAN mode off when the phone is not needed.</source>
        <translation>局域网模式：这台电脑在局域网地址 {address} 端口 {port} 上应答。这个网络里拿到链接或二维码的任何人都能按按钮；不用手机时请关闭局域网模式。</translation>
    </message>
    <message>
        <source>Link copied. It opens the buttons: share it only with your team.</source>
        <translation>链接已复制。有了它就能按按钮：只分享给团队成员。</translation>
    </message>
    <message>
        <source>Stream Deck URL copied: paste it into a “Website” action with “GET request in background” ticked.</source>
        <translation>Stream Deck 地址已复制：粘贴到“Website”操作里，并勾选“GET request in background”。</translation>
    </message>
    <message>
        <source>New token made: scan the QR code again on the phone and update the Stream Deck buttons.</source>
        <translation>已更换令牌：请在手机上重新扫码，并更新 Stream Deck 按键。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Other steps</source>
        <translation>其他环节</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>玩法</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>explained</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>返场 re-run</source>
        <translation>返场</translation>
    </message>
    <message>
        <source>lottery running</source>
        <translation>抽奖进行中</translation>
    </message>
    <message>
        <source>coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation>空档 (无玩法)</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>No health record for this show</source>
        <translation>本场没有推流健康记录</translation>
    </message>
    <message>
        <source>dropped %</source>
        <translation>丢帧 %</translation>
    </message>
    <message>
        <source>No platform data imported</source>
        <translation>未导入平台数据</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>orders per minute</source>
        <translation>每分钟订单</translation>
    </message>
    <message>
        <source>explaining</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <source>lottery start / draw</source>
        <translation>抽奖开始 / 开奖</translation>
    </message>
    <message>
        <source>No product was explained</source>
        <translation>没有讲解商品</translation>
    </message>
    <message>
        <source>Revenue while explained (¥)</source>
        <translation>讲解期间成交金额 (¥)</translation>
    </message>
    <message>
        <source>Minutes explained</source>
        <translation>讲解分钟数</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>The show log could not be read: {reason}</source>
        <translation>无法读取直播记录: {reason}</translation>
    </message>
    <message>
        <source>{count} unreadable line(s) of the show log were skipped (line {lines}).</source>
        <translation>直播记录中有 {count} 行无法读取, 已跳过 (第 {lines} 行)。</translation>
    </message>
    <message>
        <source>The last line of the show log was cut off (the console stopped while writing it) and was skipped.</source>
        <translation>直播记录的最后一行不完整 (中控台在写入时停止), 已跳过。</translation>
    </message>
    <message>
        <source>{count} event(s) without a time were skipped.</source>
        <translation>{count} 条没有时间的记录已跳过。</translation>
    </message>
    <message>
        <source>{count} event(s) are missing from the show log (gaps in its numbering).</source>
        <translation>直播记录缺少 {count} 条 (编号不连续)。</translation>
    </message>
    <message>
        <source>Event {seq} (“{type}”) is incomplete and was skipped ({detail}).</source>
        <translation>第 {seq} 条记录 (“{type}”) 不完整, 已跳过 ({detail})。</translation>
    </message>
    <message>
        <source>The show log has no start of the show; the timeline begins at its first event.</source>
        <translation>直播记录里没有开播; 时间线从第一条记录开始。</translation>
    </message>
    <message>
        <source>The show log holds no readable event: there is nothing to review.</source>
        <translation>直播记录里没有可读的内容: 无法复盘。</translation>
    </message>
    <message>
        <source>The show log has no end of the show (the console stopped, or the show is still on air): the review ends at its last event, {at}.</source>
        <translation>直播记录里没有下播 (中控台停止了, 或直播仍在进行): 复盘截止到最后一条记录 {at}。</translation>
    </message>
    <message>
        <source>OBS not connected</source>
        <translation>OBS 未连接</translation>
    </message>
    <message>
        <source>Stream off during the show</source>
        <translation>直播中推流中断</translation>
    </message>
    <message>
        <source>“{action}” was sent but its outcome was never logged: check it in the platform</source>
        <translation>“{action}” 已发出, 但没有记录结果: 请在平台上核对</translation>
    </message>
    <message>
        <source>The console stopped and the show was resumed (nothing was logged meanwhile)</source>
        <translation>中控台停止后恢复了直播 (期间没有任何记录)</translation>
    </message>
    <message>
        <source>Show resumed</source>
        <translation>直播已恢复</translation>
    </message>
    <message>
        <source>Re-run: {title}</source>
        <translation>返场: {title}</translation>
    </message>
    <message>
        <source>Draw: {prize}</source>
        <translation>开奖: {prize}</translation>
    </message>
    <message>
        <source>On screen: {name}</source>
        <translation>商品上屏: {name}</translation>
    </message>
    <message>
        <source>Scene: {scene}</source>
        <translation>场景: {scene}</translation>
    </message>
    <message>
        <source>Stream started</source>
        <translation>开始推流</translation>
    </message>
    <message>
        <source>Stream stopped</source>
        <translation>停止推流</translation>
    </message>
    <message>
        <source>Live-room call failed: {what} {detail}</source>
        <translation>直播间调用失败: {what} {detail}</translation>
    </message>
    <message>
        <source>The push key expired or was about to: {detail}</source>
        <translation>串流密钥已过期或即将过期: {detail}</translation>
    </message>
    <message>
        <source>Lottery: {prize}</source>
        <translation>抽奖: {prize}</translation>
    </message>
    <message>
        <source>Coupon: {label}</source>
        <translation>发券: {label}</translation>
    </message>
    <message>
        <source>Flash sale: {label}</source>
        <translation>秒杀: {label}</translation>
    </message>
    <message>
        <source>Announcement: {label}</source>
        <translation>公告: {label}</translation>
    </message>
    <message>
        <source>On screen (not taken by the live room): {name}</source>
        <translation>上屏 (直播间未接收): {name}</translation>
    </message>
    <message>
        <source>Live room did not take “{action}” ({what}): {message}</source>
        <translation>直播间未接收 “{action}” ({what}): {message}</translation>
    </message>
    <message>
        <source>OBS overlay failed for “{action}” ({what}): {message}</source>
        <translation>OBS 画面叠加失败 “{action}” ({what}): {message}</translation>
    </message>
    <message>
        <source>The health record could not be read: {reason}</source>
        <translation>无法读取推流健康记录: {reason}</translation>
    </message>
    <message>
        <source>{count} unreadable health sample(s) were skipped.</source>
        <translation>{count} 条无法读取的推流健康数据已跳过。</translation>
    </message>
    <message>
        <source>No health record was found for this show: the technical chart is empty.</source>
        <translation>没有找到本场的推流健康记录: 技术图表为空。</translation>
    </message>
    <message>
        <source>Stream reconnecting to the platform (viewers see a frozen picture)</source>
        <translation>推流正在重连平台 (观众看到的画面卡住)</translation>
    </message>
    <message>
        <source>OBS not answering (no picture from the console)</source>
        <translation>OBS 无响应 (中控台没有画面)</translation>
    </message>
    <message>
        <source>Bitrate below 800 kbit/s (picture drops to 标清)</source>
        <translation>码率低于 800 kbit/s (画面降为标清)</translation>
    </message>
    <message>
        <source>Network congestion</source>
        <translation>网络拥塞</translation>
    </message>
    <message>
        <source>Frames dropped on the network</source>
        <translation>网络丢帧</translation>
    </message>
    <message>
        <source>Lotteries</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>OBS gone</source>
        <translation>OBS 掉线</translation>
    </message>
    <message>
        <source>Stream reconnecting</source>
        <translation>推流重连</translation>
    </message>
    <message>
        <source>Low bitrate</source>
        <translation>码率偏低</translation>
    </message>
    <message>
        <source>Congestion</source>
        <translation>拥塞</translation>
    </message>
    <message>
        <source>Frames dropped</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <source>Stream off</source>
        <translation>推流中断</translation>
    </message>
    <message>
        <source>Console stopped</source>
        <translation>中控台停止</translation>
    </message>
    <message>
        <source>Live-room call failed</source>
        <translation>直播间调用失败</translation>
    </message>
    <message>
        <source>Overlay failed</source>
        <translation>画面叠加失败</translation>
    </message>
    <message>
        <source>Push key expired</source>
        <translation>串流密钥过期</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>开奖</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>In {name} (sheet “{sheet}”) no time column (时间, 分钟 …) and no product column (商品名称 …) was found. Choose which column holds the time or the product.</source>
        <translation>{name} (工作表 “{sheet}”) 中没有找到时间列 (时间、分钟 …) 或商品列 (商品名称 …)。请选择哪一列是时间或商品。</translation>
    </message>
    <message>
        <source>{name} holds no platform data the review can use (no rows by minute or by product).</source>
        <translation>{name} 中没有可用于复盘的平台数据 (没有按分钟或按商品的行)。</translation>
    </message>
    <message>
        <source>{name}, row {row}: the time “{value}” could not be read; the row was left out.</source>
        <translation>{name} 第 {row} 行: 无法识别时间 “{value}”, 该行未计入。</translation>
    </message>
    <message>
        <source>by minute</source>
        <translation>按分钟</translation>
    </message>
    <message>
        <source>by product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <source>{file}: {kind}, {rows} rows</source>
        <translation>{file}: {kind}, {rows} 行</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}: {reason}</translation>
    </message>
    <message>
        <source>Could not read {name} as a spreadsheet ({detail}). Export it again as .xlsx or .csv.</source>
        <translation>无法把 {name} 作为表格读取 ({detail})。请重新导出为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Could not read {name}: {reason}</source>
        <translation>无法读取 {name}: {reason}</translation>
    </message>
    <message>
        <source>{file}: online curve, {rows} points</source>
        <translation>{file}: 在线人数曲线, {rows} 个点</translation>
    </message>
    <message>
        <source>{file}: by product, {rows} rows</source>
        <translation>{file}: 按商品, {rows} 行</translation>
    </message>
    <message>
        <source>{name} holds no platform data the review can use.</source>
        <translation>{name} 中没有可用于复盘的平台数据。</translation>
    </message>
    <message>
        <source>{name} is not a platform export the review knows.</source>
        <translation>{name} 不是复盘能识别的平台导出文件。</translation>
    </message>
    <message>
        <source>{name} gives times without a date: read as the show&apos;s day ({day}).</source>
        <translation>{name} 的时间没有日期: 按直播当天 ({day}) 读取。</translation>
    </message>
    <message>
        <source>Times after midnight in {name} were put on the next day.</source>
        <translation>{name} 中零点以后的时间已算到第二天。</translation>
    </message>
    <message>
        <source>The platform&apos;s minutes do not overlap the show at all: check that the file is from this show, or give the platform&apos;s clock offset.</source>
        <translation>平台数据的时间与本场直播完全不重叠: 请确认文件属于本场, 或设置平台时钟偏差。</translation>
    </message>
    <message>
        <source>What was on air when</source>
        <translation>什么时候在播什么</translation>
    </message>
    <message>
        <source>Bitrate and dropped frames over the show, with faults and the show&apos;s moments</source>
        <translation>整场码率和丢帧, 标出故障和直播中的关键时刻</translation>
    </message>
    <message>
        <source>Online count and orders per minute (platform data)</source>
        <translation>在线人数和每分钟订单 (平台数据)</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Review: {title}</source>
        <translation>复盘: {title}</translation>
    </message>
    <message>
        <source>the log has no end of show</source>
        <translation>记录中没有下播</translation>
    </message>
    <message>
        <source>Compared with {title} ({date})</source>
        <translation>与 {title} ({date}) 对比</translation>
    </message>
    <message>
        <source>Made by Studio Console from the show log {log}</source>
        <translation>由直播中控台根据直播记录 {log} 生成</translation>
    </message>
    <message>
        <source>STUDIO_CJK_FONT names {path}, which does not exist. Point it at a TrueType Chinese font (.ttf/.ttc).</source>
        <translation>STUDIO_CJK_FONT 指向的 {path} 不存在。请指向一个 TrueType 中文字体 (.ttf/.ttc)。</translation>
    </message>
    <message>
        <source>No Chinese font was found, so the PDF cannot show Chinese text. Install one (Linux: the fonts-wqy-microhei package; Windows: Microsoft YaHei comes with the system) or set STUDIO_CJK_FONT to a .ttf/.ttc file. The HTML report works without it.</source>
        <translation>没有找到中文字体, PDF 无法显示中文。请安装一个 (Linux: fonts-wqy-microhei 软件包; Windows 自带微软雅黑), 或把 STUDIO_CJK_FONT 设为一个 .ttf/.ttc 文件。HTML 报告不需要字体。</translation>
    </message>
    <message>
        <source>In short</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>What this review could not read</source>
        <translation>本次复盘无法读取的内容</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Compared with {title}</source>
        <translation>与 {title} 对比</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} 分 {s:02d} 秒</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>({have} of {all} min)</source>
        <translation>({all} 分钟中 {have} 分钟)</translation>
    </message>
    <message>
        <source>nothing to review</source>
        <translation>无可复盘内容</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>直播时间</translation>
    </message>
    <message>
        <source>(planned {planned})</source>
        <translation>(计划 {planned})</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Products explained</source>
        <translation>讲解商品</translation>
    </message>
    <message>
        <source>{count} · {time}</source>
        <translation>{count} · {time}</translation>
    </message>
    <message>
        <source>Nothing running</source>
        <translation>空档</translation>
    </message>
    <message>
        <source>{count} × · {time}</source>
        <translation>{count} 次 · {time}</translation>
    </message>
    <message>
        <source>Orders (platform)</source>
        <translation>订单 (平台)</translation>
    </message>
    <message>
        <source>Revenue (platform)</source>
        <translation>成交金额 (平台)</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>Viewers (platform)</source>
        <translation>观看人数（平台）</translation>
    </message>
    <message>
        <source>Average watch time</source>
        <translation>人均观看时长</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论条数</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>分享次数</translation>
    </message>
    <message>
        <source>Cheers (喝彩)</source>
        <translation>喝彩次数</translation>
    </message>
    <message>
        <source>Best product while explained: {name} — {revenue}, {orders} orders in {time}.</source>
        <translation>讲解期间表现最好的商品: {name} —— {revenue}, {time} 内 {orders} 单。</translation>
    </message>
    <message>
        <source>Longest overrun: {title}, {over} past its {planned}.</source>
        <translation>超时最多: {title}, 比计划的 {planned} 多 {over}。</translation>
    </message>
    <message>
        <source>Nothing was running {count} times; the longest: {time} from {at}.</source>
        <translation>出现 {count} 次空档; 最长一次: {at} 起 {time}。</translation>
    </message>
    <message>
        <source>Worst fault: {fault} for {time} at {at}, during {on_air}.</source>
        <translation>最严重的故障: {at} {fault} {time}, 当时在播 {on_air}。</translation>
    </message>
    <message>
        <source>{count} action(s) did not reach the live room or the screen: see Technical.</source>
        <translation>{count} 个操作没有到达直播间或画面: 见 “技术”。</translation>
    </message>
    <message>
        <source>Skipped: {titles}.</source>
        <translation>被跳过: {titles}。</translation>
    </message>
    <message>
        <source>No platform data: sales per product are not shown.</source>
        <translation>没有平台数据: 不显示各商品的成交。</translation>
    </message>
    <message>
        <source>The platform export lacks {count} minute(s) of the show: figures that touch them are marked.</source>
        <translation>平台导出缺少本场 {count} 分钟的数据: 涉及这些分钟的数字已标注。</translation>
    </message>
    <message>
        <source>What to do differently next time (shown again when the next show of this plan or room is prepared).</source>
        <translation>下一场要改进的地方 (准备同一方案或同一直播间的下一场时会再次显示)。</translation>
    </message>
    <message>
        <source>{steps} steps aired, {over} ran over their target, {skipped} were skipped; nothing was running {gaps} times ({time} in all).</source>
        <translation>播出 {steps} 个环节, {over} 个超时, {skipped} 个被跳过; 出现 {gaps} 次空档 (共 {time})。</translation>
    </message>
    <message>
        <source>返场</source>
        <translation>返场</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Over / under</source>
        <translation>超出 / 不足</translation>
    </message>
    <message>
        <source>Nothing running for</source>
        <translation>空档时长</translation>
    </message>
    <message>
        <source>Gaps: no step on air and no play running (the playbook: something should always be running)</source>
        <translation>空档: 没有环节在播, 也没有玩法进行 (直播节奏: 始终要有玩法在进行)</translation>
    </message>
    <message>
        <source>Product on screen</source>
        <translation>商品上屏</translation>
    </message>
    <message>
        <source>Lottery started</source>
        <translation>发起抽奖</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>开奖</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Resumed after a stop</source>
        <translation>中断后恢复</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Every action and moment, as logged</source>
        <translation>记录中的每个操作和时刻</translation>
    </message>
    <message>
        <source>Sales inside each explanation are the platform&apos;s minutes that began while the product was on air; &quot;(18 of 20 min)&quot; means the platform had no figure for the other minutes — they are left out, not estimated.</source>
        <translation>讲解期间的成交 = 商品讲解时开始的那些分钟的平台数据; “(20 分钟中 18 分钟)” 表示其余分钟平台没有数据 —— 未计入, 也没有估算。</translation>
    </message>
    <message>
        <source>No platform data was imported: only what the console did is shown. Import the live data export to see visitors, orders and revenue per product.</source>
        <translation>未导入平台数据: 只显示中控台所做的操作。导入直播数据导出文件, 即可看到各商品的访客、订单和成交金额。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>上屏次数</translation>
    </message>
    <message>
        <source>On screen</source>
        <translation>上屏时长</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击人数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Click → order</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <source>({failed} not taken)</source>
        <translation>({failed} 次未接收)</translation>
    </message>
    <message>
        <source>Online at start</source>
        <translation>开始时在线</translation>
    </message>
    <message>
        <source>Online at end</source>
        <translation>结束时在线</translation>
    </message>
    <message>
        <source>Every window on air</source>
        <translation>每次在播时段</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光人数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>Whole show, as the platform&apos;s by-product export gives it</source>
        <translation>整场数据 (平台按商品导出)</translation>
    </message>
    <message>
        <source>never drawn</source>
        <translation>未开奖</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Viewers held</source>
        <translation>留人时长</translation>
    </message>
    <message>
        <source>Online at draw</source>
        <translation>开奖时在线</translation>
    </message>
    <message>
        <source>Peak between</source>
        <translation>期间最高在线</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Platform times read as {tz} and placed on the show log&apos;s clock with an offset of {offset} s.</source>
        <translation>平台时间按 {tz} 读取, 以 {offset} 秒的偏差对齐到直播记录的时钟。</translation>
    </message>
    <message>
        <source>Each platform row counts the {size} that start at its time.</source>
        <translation>平台每一行统计从该时刻开始的 {size}。</translation>
    </message>
    <message>
        <source>Each platform row counts the {size} that end at its time.</source>
        <translation>平台每一行统计到该时刻结束的 {size}。</translation>
    </message>
    <message>
        <source>First row “{first}” → {first_at} on the show clock; last row “{last}” → {last_at}.</source>
        <translation>第一行 “{first}” → 直播时钟 {first_at}; 最后一行 “{last}” → {last_at}。</translation>
    </message>
    <message>
        <source>{count} minute(s) of the show have no platform row (shown as missing, not estimated): {list}</source>
        <translation>本场有 {count} 分钟没有平台数据 (标为缺失, 不做估算): {list}</translation>
    </message>
    <message>
        <source>How the platform data was aligned</source>
        <translation>平台数据如何对齐</translation>
    </message>
    <message>
        <source>{samples} health samples from {files} file(s); average bitrate {kbps} kbit/s; {missing} without any sample (not recorded).</source>
        <translation>{files} 个文件中有 {samples} 条推流健康数据; 平均码率 {kbps} kbit/s; {missing} 没有任何数据 (无记录)。</translation>
    </message>
    <message>
        <source>{calls} live-room calls, median answer {ms} ms.</source>
        <translation>直播间调用 {calls} 次, 响应中位数 {ms} 毫秒。</translation>
    </message>
    <message>
        <source>once</source>
        <translation>一次</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Lasted</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>On air then</source>
        <translation>当时在播</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Per product</source>
        <translation>各商品</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Average held</source>
        <translation>平均留人时长</translation>
    </message>
    <message>
        <source>Rhythm</source>
        <translation>节奏</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>空档</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Next show</source>
        <translation>下一场</translation>
    </message>
    <message>
        <source>The saved improvement notes in {path} could not be read ({reason}). Nothing was changed; move the file away to start afresh.</source>
        <translation>无法读取 {path} 中保存的改进计划 ({reason})。没有做任何改动; 把这个文件移走即可重新开始。</translation>
    </message>
    <message>
        <source>The improvement notes could not be saved to {path}: {reason}. Free some disk space or check the folder, then save again.</source>
        <translation>改进计划无法保存到 {path}: {reason}。请清理磁盘空间或检查文件夹, 然后再保存。</translation>
    </message>
    <message>
        <source>{name} holds WeChat&apos;s refusal (errcode {code}), not live data: fetch it again with `studio-console channels live-data`.</source>
        <translation>{name} 里是微信的拒绝回复（errcode {code}），不是直播数据：请用 `studio-console channels live-data` 重新获取。</translation>
    </message>
    <message>
        <source>{name}, live {row}: no start time (live_start_time); left out.</source>
        <translation>{name}，直播 {row}：没有开播时间（live_start_time），已略过。</translation>
    </message>
    <message>
        <source>{name} holds no Channels live the review can use.</source>
        <translation>{name} 里没有复盘可用的视频号直播数据。</translation>
    </message>
    <message>
        <source>{file}: Channels after-show data, {count} live(s)</source>
        <translation>{file}：视频号直播结束后的数据，{count} 场直播</translation>
    </message>
    <message>
        <source>{name}: none of its {count} Channels live(s) overlaps this show; their figures were not used.</source>
        <translation>{name}：其中 {count} 场视频号直播都与本场直播时间不重叠，数据未采用。</translation>
    </message>
    <message>
        <source>{name}: the Channels live {export_id} ({minutes} min long) gave this show&apos;s whole-show figures.</source>
        <translation>{name}：本场整场数据取自视频号直播 {export_id}（时长 {minutes} 分钟）。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open review</source>
        <translation>打开复盘</translation>
    </message>
    <message>
        <source>Import platform data…</source>
        <translation>导入平台数据…</translation>
    </message>
    <message>
        <source>The live data exported from the platform (CSV or Excel, by minute and/or by product)</source>
        <translation>从平台导出的直播数据 (CSV 或 Excel, 按分钟和/或按商品)</translation>
    </message>
    <message>
        <source>Save HTML…</source>
        <translation>保存 HTML…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击人数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Import with these columns</source>
        <translation>按这些列导入</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>玩法</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>dropped %</source>
        <translation>丢帧 %</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>What to keep, what to change next time…</source>
        <translation>下一场保留什么、改进什么…</translation>
    </message>
    <message>
        <source>Save the improvement plan</source>
        <translation>保存改进计划</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Rhythm</source>
        <translation>节奏</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Last time&apos;s improvement plan for “{0}” ({1}):</source>
        <translation>“{0}” 上一场 ({1}) 的改进计划:</translation>
    </message>
    <message>
        <source>The show has ended — open its review (复盘)</source>
        <translation>直播已结束 —— 打开本场复盘</translation>
    </message>
    <message>
        <source>(not ended)</source>
        <translation>(未下播)</translation>
    </message>
    <message>
        <source>Reading the show log and the health record…</source>
        <translation>正在读取直播记录和推流健康记录…</translation>
    </message>
    <message>
        <source>The plan from the last show of “{0}” ({1}):</source>
        <translation>上一场 “{0}” ({1}) 的改进计划:</translation>
    </message>
    <message>
        <source>Review: {0}</source>
        <translation>复盘: {0}</translation>
    </message>
    <message>
        <source>Could not read:</source>
        <translation>无法读取:</translation>
    </message>
    <message>
        <source>Import the platform&apos;s live data</source>
        <translation>导入平台的直播数据</translation>
    </message>
    <message>
        <source>Live data (*.csv *.xlsx *.xls *.json);;All files (*)</source>
        <translation>直播数据 (*.csv *.xlsx *.xls *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Platform data imported and aligned to the show log&apos;s clock (see Rhythm).</source>
        <translation>平台数据已导入并对齐到直播记录的时钟 (见 “节奏”)。</translation>
    </message>
    <message>
        <source>{0}: choose the columns (a time column for data by minute, a product column for data by product).</source>
        <translation>{0}: 请选择各列 (按分钟的数据选时间列, 按商品的数据选商品列)。</translation>
    </message>
    <message>
        <source>Choose the time column or the product column first.</source>
        <translation>请先选择时间列或商品列。</translation>
    </message>
    <message>
        <source>Save the review as HTML</source>
        <translation>把复盘保存为 HTML</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Save the review as PDF</source>
        <translation>把复盘保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Improvement plan saved.</source>
        <translation>改进计划已保存。</translation>
    </message>
</context>
<context>
    <name>RoleLayout</name>
    <message>
        <source>Assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>导播</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>单人</translation>
    </message>
    <message>
        <source>The action pad big, the running order with its clock, the checklist</source>
        <translation>大号快捷键盘、带计时的节目单、手动清单</translation>
    </message>
    <message>
        <source>Scenes with preview and program, the stream, the full health chart</source>
        <translation>场景（预览/节目）、推流控制、完整推流健康图表</translation>
    </message>
    <message>
        <source>Everything a one-person show needs on one laptop screen</source>
        <translation>一个人直播所需的一切，放在一块笔记本屏幕上</translation>
    </message>
</context>
<context>
    <name>RoomDesk</name>
    <message>
        <source>Mini-program live room {room} (live-room panel)</source>
        <translation>小程序直播间 {room}（直播间面板）</translation>
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
        <source>What the show&apos;s one-click buttons drive</source>
        <translation>一键按钮控制的对象</translation>
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
        <source>Check the plan&apos;s products against the room</source>
        <translation>核对方案商品与直播间商品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>In the room?</source>
        <translation>在直播间？</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>Add the approved ones to the room</source>
        <translation>导入已审核的商品</translation>
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
        <source>Point OBS there</source>
        <translation>让 OBS 推到这里</translation>
    </message>
    <message>
        <source>Keep OBS as it is</source>
        <translation>OBS 保持不变</translation>
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
        <source>A show started now drives: {target}. A running show keeps the target it started with.</source>
        <translation>现在开播将控制：{target}。进行中的直播保持开播时的对象。</translation>
    </message>
    <message>
        <source>The next show drives: {target}.</source>
        <translation>下一场直播将控制：{target}。</translation>
    </message>
    <message>
        <source>yes (by goods id)</source>
        <translation>是（按商品 ID）</translation>
    </message>
    <message>
        <source>yes (by name)</source>
        <translation>是（按名称）</translation>
    </message>
    <message>
        <source>no — approved</source>
        <translation>否 — 已审核</translation>
    </message>
    <message>
        <source>no — not approved</source>
        <translation>否 — 未审核通过</translation>
    </message>
    <message>
        <source>no — not found</source>
        <translation>否 — 未找到</translation>
    </message>
    <message>
        <source>{count} products added to the room.</source>
        <translation>已导入 {count} 个商品到直播间。</translation>
    </message>
    <message>
        <source>{result} (Not in a show log: no show is running.)</source>
        <translation>{result}（未记入场次日志：当前没有进行中的直播场次。）</translation>
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
        <source>Push address fetched and saved in the keyring. OBS is not changed until you confirm below.</source>
        <translation>推流地址已获取并保存到系统钥匙串。在下方确认之前，OBS 不会改动。</translation>
    </message>
    <message>
        <source>Push address fetched and handed to the stream settings.</source>
        <translation>推流地址已获取，并已填入推流设置。</translation>
    </message>
    <message>
        <source>(OBS could not be asked)</source>
        <translation>（无法询问 OBS）</translation>
    </message>
    <message>
        <source>Change where OBS streams? Now: {old}. New: {new} (key {key}, {room}). While OBS is streaming, stop the stream first.</source>
        <translation>要更改 OBS 的推流地址吗？现在：{old}。新的：{new}（串流密钥 {key}，{room}）。如果 OBS 正在推流，请先停止推流。</translation>
    </message>
    <message>
        <source>OBS now streams to {new} (was {old}).</source>
        <translation>OBS 现在推流到 {new}（原来是 {old}）。</translation>
    </message>
    <message>
        <source>OBS still streams where it did. The new push address is saved in the keyring (Push keys).</source>
        <translation>OBS 仍推流到原来的地址。新的推流地址已保存在系统钥匙串里（推流密钥）。</translation>
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
    <name>RoomTargets</name>
    <message>
        <source>Mini-program live room (小程序直播)</source>
        <translation>小程序直播间</translation>
    </message>
    <message>
        <source>Manual checklist (手动清单): Channels and any platform without an API</source>
        <translation>手动清单：视频号及其他没有接口的平台</translation>
    </message>
    <message>
        <source>Dry run (演练): nothing is sent</source>
        <translation>演练：不发送任何内容</translation>
    </message>
    <message>
        <source>WeChat Channels (视频号): 讲解 and comments in its web console</source>
        <translation>视频号：在网页中控台讲解和发评论</translation>
    </message>
    <message>
        <source>Mini-program live room (no room picked yet)</source>
        <translation>小程序直播间（尚未选择直播间）</translation>
    </message>
    <message>
        <source>Channels (no account yet: add one in the Channels setup)</source>
        <translation>视频号（还没有账号：请在视频号设置中添加）</translation>
    </message>
    <message>
        <source>No mini-program room is picked for this show. Pick one in the live-room panel (“Use for this show”), or choose the manual checklist.</source>
        <translation>本场直播还没有选择小程序直播间。请在直播间面板中选择（“用于本场直播”），或改用手动清单。</translation>
    </message>
    <message>
        <source>Manual checklist — the mini-program room is not reachable</source>
        <translation>手动清单 — 小程序直播间无法连接</translation>
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
        <source>“{title}” is on air or done; only a later step can be skipped.</source>
        <translation>“{title}”正在播出或已完成；只能跳过后面的环节。</translation>
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
        <source>Draw “{prize}”</source>
        <translation>开奖“{prize}”</translation>
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
        <source>“{name}” ends</source>
        <translation>“{name}”结束</translation>
    </message>
    <message>
        <source>Next: {title} in {seconds} s</source>
        <translation>下一步：{seconds} 秒后 {title}</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>下一步：{title}</translation>
    </message>
    <message>
        <source>“{title}” reaches its target in {seconds} s</source>
        <translation>“{title}”{seconds} 秒后达到目标时长</translation>
    </message>
    <message>
        <source>“{title}” reaches its target</source>
        <translation>“{title}”达到目标时长</translation>
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
        <source>Skip step</source>
        <translation>跳过环节</translation>
    </message>
    <message>
        <source>Leave the selected step out; it shows as skipped</source>
        <translation>不做选中的环节；它会显示为“已跳过”</translation>
    </message>
    <message>
        <source>End show (结束直播)…</source>
        <translation>结束直播…</translation>
    </message>
    <message>
        <source>End the show now? The show log is closed: the show cannot be resumed afterwards. Stop the stream in OBS after ending the show in the live console.</source>
        <translation>现在结束直播吗？直播记录会关闭，之后无法再继续这场直播。请先在直播控制台结束直播，再停止 OBS 推流。</translation>
    </message>
    <message>
        <source>Yes, end the show</source>
        <translation>是，结束直播</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>继续直播</translation>
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
        <source>The stream has stopped. Is the show over? Then end it here (结束直播); otherwise start the stream again.</source>
        <translation>推流已停止。直播结束了吗？结束了就在这里点“结束直播”；没结束请重新开始推流。</translation>
    </message>
    <message>
        <source>The planned end ({time}) has passed. End the show (结束直播) when the host has said goodbye.</source>
        <translation>已过计划结束时间（{time}）。主播道别后请点“结束直播”。</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>新建直播</translation>
    </message>
    <message>
        <source>The show has ended (结束直播). Its log is closed.</source>
        <translation>直播已结束，直播记录已关闭。</translation>
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
        <source>{cue} — in {left}</source>
        <translation>{cue} — 还有 {left}</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>播出中</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source> (返场)</source>
        <translation>（返场）</translation>
    </message>
    <message>
        <source>{question} Press “Start the show” again to start anyway.</source>
        <translation>{question} 再按一次“开播”即照常开播。</translation>
    </message>
    <message>
        <source>Select a step in the running order first.</source>
        <translation>请先在节目单中选择一个步骤。</translation>
    </message>
    <message>
        <source>The show has ended. The show log is closed; start a new show when you are ready.</source>
        <translation>直播已结束，直播记录已关闭；准备好后再开始新的直播。</translation>
    </message>
    <message>
        <source>Select a product in the running order to re-run it.</source>
        <translation>请在节目单中选择一个商品来返场。</translation>
    </message>
</context>
<context>
    <name>SceneRow</name>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>On air now: {name}</source>
        <translation>正在播出：{name}</translation>
    </message>
    <message>
        <source>Switch the program to {name}</source>
        <translation>把节目画面切到 {name}</translation>
    </message>
    <message>
        <source>Scenes (waiting for OBS)</source>
        <translation>场景（等待 OBS）</translation>
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
        <source>PROGRAM</source>
        <translation>节目</translation>
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
    <name>Settings</name>
    <message>
        <source>The settings file {path} cannot be read ({error}). The console uses its defaults; check the file&apos;s permissions.</source>
        <translation>无法读取设置文件 {path}（{error}）。中控台先用默认设置；请检查该文件的权限。</translation>
    </message>
    <message>
        <source>The settings file {path} is damaged ({error}). The console uses its defaults and leaves the file as it is; fix or delete it.</source>
        <translation>设置文件 {path} 已损坏（{error}）。中控台先用默认设置，文件原样保留；请修复或删除它。</translation>
    </message>
    <message>
        <source>The settings file {path} does not hold settings. The console uses its defaults and leaves the file as it is.</source>
        <translation>设置文件 {path} 里不是设置内容。中控台先用默认设置，文件原样保留。</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path} ({reason}). The change holds until the console closes: free some disk space or check the folder&apos;s permissions, then do it again to keep it.</source>
        <translation>设置无法保存到 {path}（{reason}）。改动在关闭中控台前仍然有效：请清理磁盘空间或检查该文件夹的权限，然后再操作一次以保存。</translation>
    </message>
    <message>
        <source>In the settings file {path}, “{field}” has a value the console cannot use ({value}); it uses the default instead.</source>
        <translation>设置文件 {path} 中“{field}”的值无法使用（{value}），已改用默认值。</translation>
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
        <source>portrait</source>
        <translation>竖屏</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>横屏</translation>
    </message>
    <message>
        <source>OBS now: output {w}×{h} ({shape}), {kbps}</source>
        <translation>OBS 当前：输出 {w}×{h}（{shape}），{kbps}</translation>
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
        <source>Running order</source>
        <translation>节目单</translation>
    </message>
    <message>
        <source>{problem} Start the show anyway?</source>
        <translation>{problem} 仍要开始直播吗？</translation>
    </message>
    <message>
        <source>End of the running order.</source>
        <translation>节目单已到最后。</translation>
    </message>
    <message>
        <source>On air: {title}</source>
        <translation>正在直播：{title}</translation>
    </message>
    <message>
        <source>There is nothing to send again for this key.</source>
        <translation>这个按键没有可重发的内容。</translation>
    </message>
    <message>
        <source>Unknown fix “{fix}”.</source>
        <translation>未知的修复方式“{fix}”。</translation>
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
        <source>The live room did not answer within {seconds} s.</source>
        <translation>直播间 {seconds} 秒内没有回复。</translation>
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
    <name>ShowKinds</name>
    <message>
        <source>Explain a product (讲解)</source>
        <translation>讲解商品</translation>
    </message>
    <message>
        <source>Flash sale (秒杀)</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>Start a lottery (抽奖)</source>
        <translation>发起抽奖</translation>
    </message>
    <message>
        <source>Draw the winners (开奖)</source>
        <translation>开奖</translation>
    </message>
    <message>
        <source>Hand out a coupon (发券)</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Announcement (公告)</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Talk segment (环节)</source>
        <translation>互动环节</translation>
    </message>
    <message>
        <source>Sales show (带货专场)</source>
        <translation>带货专场</translation>
    </message>
    <message>
        <source>Content + sales (内容+带货)</source>
        <translation>内容+带货</translation>
    </message>
    <message>
        <source>Comment lottery (评论抽奖)</source>
        <translation>评论抽奖</translation>
    </message>
    <message>
        <source>Like lottery (点赞抽奖)</source>
        <translation>点赞抽奖</translation>
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
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Press again to confirm</source>
        <translation>再按一次确认</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <source>Do it by hand</source>
        <translation>需手动完成</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Not known whether it happened</source>
        <translation>不确定是否已执行</translation>
    </message>
</context>
<context>
    <name>ShowLog</name>
    <message>
        <source>The show log cannot be written: free disk space on {where}. The show goes on; {count} event(s) wait in memory and are written as soon as there is space.</source>
        <translation>直播记录无法写入：请清理 {where} 上的磁盘空间。直播照常进行；{count} 条记录暂存在内存中，有空间后会立即写入。</translation>
    </message>
    <message>
        <source>The show log cannot be written to {where} ({reason}). The show goes on; {count} event(s) wait in memory. Check the drive, or free space on it.</source>
        <translation>直播记录无法写入 {where}（{reason}）。直播照常进行；{count} 条记录暂存在内存中。请检查该磁盘，或清理其空间。</translation>
    </message>
    <message>
        <source>No show log at {path}.</source>
        <translation>{path} 处没有直播记录。</translation>
    </message>
</context>
<context>
    <name>ShowSession</name>
    <message>
        <source>The show logs in {folder} could not be read ({error}), so an unfinished show cannot be offered to resume. Check the folder&apos;s permissions; the files are left as they are.</source>
        <translation>无法读取 {folder} 里的直播记录（{error}），所以无法提示继续未结束的直播。请检查该文件夹的权限；文件保持原样。</translation>
    </message>
    <message>
        <source>There is no unfinished show to resume.</source>
        <translation>没有可以继续的未完成直播。</translation>
    </message>
    <message>
        <source>No show is running.</source>
        <translation>没有正在进行的直播。</translation>
    </message>
</context>
<context>
    <name>StoreCoupon</name>
    <message>
        <source>The coupon needs a name.</source>
        <translation>优惠券需要名称。</translation>
    </message>
    <message>
        <source>The coupon name “{name}” has {n} characters; the store allows at most 10.</source>
        <translation>优惠券名称“{name}”有 {n} 个字；小店最多允许 10 个字。</translation>
    </message>
    <message>
        <source>A discount below 2折 is not allowed by the store.</source>
        <translation>小店不允许低于 2 折的折扣。</translation>
    </message>
    <message>
        <source>The discount must be between 2折 and 9.9折, in steps of 0.1折.</source>
        <translation>折扣须在 2 折到 9.9 折之间，以 0.1 折为单位。</translation>
    </message>
    <message>
        <source>The amount off must be more than 0 元.</source>
        <translation>减免金额必须大于 0 元。</translation>
    </message>
    <message>
        <source>The amount off is at most 200 元 in the store.</source>
        <translation>小店的减免金额最多 200 元。</translation>
    </message>
    <message>
        <source>满{price}减{fee} would take the price below 2折 of the threshold; the store refuses that.</source>
        <translation>满{price}减{fee}会让价格低于门槛的 2 折，小店不允许。</translation>
    </message>
    <message>
        <source>A coupon has a count threshold or a price threshold, not both.</source>
        <translation>一张券只能设件数门槛或金额门槛，不能同时设。</translation>
    </message>
    <message>
        <source>The item count threshold must be at least 1.</source>
        <translation>件数门槛至少为 1。</translation>
    </message>
    <message>
        <source>The coupon&apos;s minutes must be a number between 0 and one day.</source>
        <translation>优惠券的分钟数必须在 0 到一天之间。</translation>
    </message>
    <message>
        <source>The number of coupons must be at least 1.</source>
        <translation>优惠券数量至少为 1 张。</translation>
    </message>
    <message>
        <source>Each viewer must be able to take at least 1 coupon.</source>
        <translation>每位观众至少能领 1 张。</translation>
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
        <source>The stream is over — clear the alarm</source>
        <translation>推流已经结束——清除警报</translation>
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
    <name>StudioCore</name>
    <message>
        <source>The OBS address could not be saved ({reason}); it is used until the console closes. Free some disk space, then press Connect again to keep it.</source>
        <translation>OBS 地址无法保存（{reason}）；在关闭中控台之前会继续使用。请清理磁盘空间，然后再点一次“连接”以保存。</translation>
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
        <source>The live-room server sent an answer to “{api}” far larger than any WeChat answer (over {limit} MB), so it was not read. Check the API address or relay in the live-room settings.</source>
        <translation>直播间服务器对“{api}”返回的内容远超任何微信接口的正常大小（超过 {limit} MB），因此没有读取。请在直播间设置中检查接口地址或中转服务。</translation>
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
        <source>Mini-program live room {room} · rehearsal (彩排)</source>
        <translation>小程序直播间 {room} · 彩排</translation>
    </message>
    <message>
        <source>Mini-program live room {room}</source>
        <translation>小程序直播间 {room}</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>The live room {room} is {status}: press 开始直播 in the anchor app or the live console first.</source>
        <translation>直播间 {room} {status}：请先在主播端或直播控制台点“开始直播”。</translation>
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
        <source>“{title}” was added to the room.</source>
        <translation>“{title}”已导入直播间。</translation>
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
        <source>none in the plan</source>
        <translation>方案中未填写</translation>
    </message>
    <message>
        <source>Change the stock (库存) of “{title}” (goods_id {goods_id}) in your own mini-program&apos;s merchant back end (商家后台): mini-program live has no stock call, and the room shows the stock your mini-program reports.</source>
        <translation>请在你们自己小程序的商家后台修改“{title}”（goods_id {goods_id}）的库存：小程序直播没有库存接口，直播间显示的是你们小程序上报的库存。</translation>
    </message>
    <message>
        <source>The plan says {stock}.</source>
        <translation>方案中的库存为 {stock}。</translation>
    </message>
    <message>
        <source>This product has no mini-program goods id, and no goods of the room has its name. Add its goods id to the show plan (check the plan against the room in the live-room panel).</source>
        <translation>这个商品没有小程序商品 ID，直播间里也没有同名商品。请在直播方案中填写商品 ID（可在直播间面板中核对方案与直播间商品）。</translation>
    </message>
    <message>
        <source>“{id}” is not a mini-program goods id (a number). Check the product&apos;s goods id in the show plan.</source>
        <translation>“{id}”不是小程序商品 id（应为数字）。请检查直播方案里这个商品的商品 id。</translation>
    </message>
    <message>
        <source>Pick the show&apos;s live room first.</source>
        <translation>请先选择本场直播的直播间。</translation>
    </message>
    <message>
        <source>The connection to the live room was closed (the show ended or the settings changed). Try again.</source>
        <translation>与直播间的连接已关闭（直播已结束或设置已更改）。请重试。</translation>
    </message>
</context>
</TS>
